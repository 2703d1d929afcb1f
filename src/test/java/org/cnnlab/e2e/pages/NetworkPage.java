package org.cnnlab.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;

/** The network lesson: MLP drawbacks, the parameter quiz and the builder; ids are the views'. */
public class NetworkPage extends AppPage {

    public NetworkPage(Page page) {
        super(page);
    }

    public NetworkPage open(String baseUrl) {
        open(baseUrl, "red", "#network-tabs");
        return this;
    }

    public void tab(int n) {
        page.locator("#network-tabs vaadin-tab").nth(n).click();
    }

    public String text(String id) {
        return page.locator("#" + id).textContent();
    }

    /** Types into a Vaadin number field and leaves it. */
    public void type(String id, String value) {
        Locator input = page.locator("#" + id + " input");
        input.fill(value);
        input.press("Tab");
    }

    /** Opens the builder tab and waits for its table. */
    public void openBuilder() {
        tab(2);
        page.locator("#network-totals").waitFor();
    }

    /** The layer count the totals line starts with ("8 capas. …"). */
    public int layerCount() {
        return Integer.parseInt(totals().substring(0, totals().indexOf(' ')));
    }

    public void removeAllLayers() {
        while (layerCount() > 0) {
            String before = totals();
            page.locator("#layer-remove-0").click();
            page.waitForFunction("b => document.querySelector('#network-totals').textContent !== b", before);
        }
    }

    /** Adds a layer of a type (its label in the page's language) and waits for the table to show it. */
    public void addLayer(String label) {
        String before = totals();
        choose("add-layer-type", label);
        page.locator("#add-layer").click();
        page.waitForFunction("b => document.querySelector('#network-totals').textContent !== b", before);
    }

    /** Opens a layer in the editor by clicking its row (1-based as on the page). */
    public void select(int number) {
        page.locator("#layer-table vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(Pattern.compile("^" + number + "$"))).first().click();
        page.waitForFunction("n => document.querySelector('#layer-editor h3').textContent.startsWith(n + '.')", number);
    }

    public void edit(String fieldId, String value) {
        String before = totals();
        type(fieldId, value);
        page.waitForFunction("b => document.querySelector('#network-totals').textContent !== b", before);
    }

    /**
     * From an empty design, 1×side×side → {@code filters} 3×3 filters → ReLU → global average pooling
     * → dense (10 units, the default): the activation bomb of the class-server issue. The layer labels
     * are given in the page's language: conv, ReLU, global average pooling, dense.
     */
    public void buildGapNetwork(int side, int filters, String... labels) {
        removeAllLayers();
        type("input-channels", "1");
        type("input-height", Integer.toString(side));
        type("input-width", Integer.toString(side));
        addLayer(labels[0]);
        select(1);
        edit("edit-filters", Integer.toString(filters));
        for (int i = 1; i < labels.length; i++) addLayer(labels[i]);
    }

    public String totals() {
        return text("network-totals");
    }

}
