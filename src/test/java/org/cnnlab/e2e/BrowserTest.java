package org.cnnlab.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.cnnlab.base.Translations;
import org.cnnlab.e2e.pages.Settle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole app on a random port, driven by Debian's Chromium through Playwright for Java: no
 * browser is downloaded (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 in the environment), and Chromium is
 * kept off the network. Each test gets a fresh browser context, i.e. a fresh student.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = BrowserTest.PRODUCTION)
public abstract class BrowserTest {

    /**
     * The tests run the production bundle that {@code -Pproduction} builds: vaadin-dev is on the
     * test class path, and without this Vaadin would start its dev server instead.
     */
    public static final String PRODUCTION = "vaadin.productionMode=true";

    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static Playwright playwright;
    protected static Browser browser;

    @LocalServerPort
    protected int port;

    @Autowired
    protected Translations translations;

    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launch() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = launchChromium(playwright);
    }

    public static Browser launchChromium(Playwright playwright) {
        return launchChromium(playwright, Paths.get(System.getenv().getOrDefault("CNNLAB_CHROMIUM", "/usr/bin/chromium")));
    }

    /** Chromium from {@code executable} (a wrapper script may run it at another priority), with this suite's flags. */
    public static Browser launchChromium(Playwright playwright, Path executable) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1")));
    }

    @AfterAll
    static void close() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
    }

    @BeforeEach
    void openContext() {
        context = newContext();
        page = context.newPage();
    }

    /** A failed test leaves a picture of the page it failed on: target/screenshots/FAILED-<test>.png. */
    @RegisterExtension
    final TestExecutionExceptionHandler failureScreenshots = (test, cause) -> {
        if (page != null && !page.isClosed()) {
            try {
                screenshot(page, "FAILED-" + test.getDisplayName().replaceAll("\\W+", "_"));
            } catch (RuntimeException ignored) {
                // the picture is a help, not part of the verdict
            }
        }
        throw cause;
    };

    @AfterEach
    void closeContext() {
        if (context != null) context.close();
    }

    protected BrowserContext newContext() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000));
    }

    protected String baseUrl() {
        return "http://localhost:" + port + "/";
    }

    protected void screenshot(Page on, String name) {
        Settle.overlays(on);   // notifications and dialogs done sliding in
        on.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** A message as a Spanish-speaking student reads it, from the app's own bundle. */
    protected String spanish(String key, Object... args) {
        return translations.getTranslation(key, Translations.SPANISH, args);
    }

    protected String english(String key, Object... args) {
        return translations.getTranslation(key, Translations.ENGLISH, args);
    }
}
