package org.cnnlab.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.WaitForSelectorState;

/** The convolution playground as a student sees it; element ids are the view's. */
public class PlaygroundPage extends AppPage {

    public PlaygroundPage(Page page) {
        super(page);
    }

    public PlaygroundPage open(String baseUrl) {
        open(baseUrl, "convolucion", "#feature-map-0");
        return this;
    }

    public Locator featureMap(int n) {
        return page.locator("#feature-map-" + n);
    }

    public String featureMapSource() {
        return featureMap(0).getAttribute("src");
    }

    public void chooseSample(String label) {
        page.locator("#input-sources vaadin-tab").nth(0).click();
        choose("sample-select", label);
    }

    public void choosePreset(String label) {
        String before = featureMapSource();
        choose("kernel-preset", label);
        waitForNewMap(before);
    }

    /** The value shown in the walkthrough's output grid, as the page prints it. */
    public double walkOutput(int row, int col) {
        return Double.parseDouble(page.locator("#walk-output td[data-row='" + row + "'][data-col='" + col + "']").textContent().trim());
    }

    public int walkOutputRows() {
        return page.locator("#walk-output tr").count();
    }

    public int walkOutputCols() {
        return page.locator("#walk-output tr").first().locator("td").count();
    }

    public Locator kernelCell(int index) {
        return page.locator("#kernel-grid #cell-" + index);
    }

    public void typeInKernelCell(int index, String text) {
        String before = featureMapSource();
        kernelCell(index).fill(text);
        waitForNewMap(before);
    }

    /** Types into the kernel-size field and leaves it, as a student does. */
    public void setKernelSize(String text) {
        Locator field = page.locator("#kernel-size input");
        field.fill(text);
        field.press("Tab");
    }

    public String kernelSize() {
        return page.locator("#kernel-size input").inputValue();
    }

    public void upload(String name, String mimeType, byte[] bytes) {
        page.locator("#input-sources vaadin-tab").nth(1).click();
        page.locator("#upload input[type=file]").setInputFiles(new FilePayload(name, mimeType, bytes));
    }

    public void openDrawTab() {
        page.locator("#input-sources vaadin-tab").nth(2).click();
        page.locator("#draw-canvas canvas").waitFor();
    }

    /** A stroke with the mouse across the canvas, from (x0, y0) to (x1, y1) in canvas fractions. */
    public void drawStroke(double x0, double y0, double x1, double y1) {
        var box = page.locator("#draw-canvas canvas").boundingBox();
        page.mouse().move(box.x + box.width * x0, box.y + box.height * y0);
        page.mouse().down();
        page.mouse().move(box.x + box.width * x1, box.y + box.height * y1, new Mouse.MoveOptions().setSteps(12));
        page.mouse().up();
    }

    public String inputInfo() {
        return page.locator("#input-info").textContent();
    }

    public String waitForError() {
        Locator card = page.locator("vaadin-notification-card").last();
        card.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        return card.textContent().trim();
    }

    public String kernelError() {
        return page.locator("#kernel-error").textContent();
    }

    public String valueRange() {
        return page.locator("#value-range").textContent();
    }

    public String outputSize() {
        return page.locator("#output-size").textContent();
    }

    /** Switches the language and waits for the page the switch reloads: its heading in the other language, its map shown. */
    public void switchLanguage() {
        String before = heading();
        page.locator("#language-switch").click();
        page.waitForFunction("t => { const h = document.querySelector('h1'); return h !== null && h.textContent !== t; }", before);
        featureMap(0).waitFor();
        Settle.server(page);
    }

    public String heading() {
        return page.locator("h1").first().textContent();
    }

    /** Waits until the server has painted a map different from {@code before}. */
    public void waitForNewMap(String before) {
        page.waitForFunction("before => { const m = document.querySelector('#feature-map-0'); return m && m.getAttribute('src') !== before; }",
                before);
    }
}
