package org.cnnlab.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;

/** What every page object shares: the Playwright page, opening a route, and picking from a Vaadin select. */
abstract class AppPage {

    protected final Page page;

    AppPage(Page page) {
        this.page = page;
    }

    public Page page() {
        return page;
    }

    protected void open(String baseUrl, String route, String readySelector) {
        page.navigate(baseUrl + route);
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.locator(readySelector).first().waitFor();
    }

    /**
     * Picks an item of a Vaadin select by its visible label: opens the list, waits until the item is
     * shown in it (opening again if the list closed meanwhile, as it can right after the previous
     * choice), and clicks it. Only the open list's items are visible, so another select offering the
     * same label is never clicked.
     */
    public void choose(String selectId, String label) {
        Locator item = page.locator("vaadin-select-list-box vaadin-select-item:visible").filter(new Locator.FilterOptions().setHasText(label)).first();
        for (int attempt = 1; ; attempt++) {
            page.locator("#" + selectId).click();
            try {
                item.waitFor(new Locator.WaitForOptions().setTimeout(5_000));
                break;
            } catch (com.microsoft.playwright.TimeoutError e) {
                if (attempt == 3) throw e;
            }
        }
        item.click();
    }
}
