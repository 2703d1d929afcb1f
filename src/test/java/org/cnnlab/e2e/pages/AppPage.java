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

    /** Picks an item of a Vaadin select by its visible label. */
    public void choose(String selectId, String label) {
        page.locator("#" + selectId).click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(label)).first().click();
    }

    /** The same, when another select on the page offers an item with the same label: only the open list's item is clicked. */
    public void chooseOpen(String selectId, String label) {
        page.locator("#" + selectId).click();
        page.locator("vaadin-select-item:visible").filter(new Locator.FilterOptions().setHasText(label)).first().click();
    }
}
