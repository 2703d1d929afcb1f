package org.cnnlab.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;

/** The training page (/entrenar): its fields, and drawing on one of its pads. */
public class TrainingPage extends AppPage {

    public TrainingPage(Page page) {
        super(page);
    }

    public TrainingPage open(String baseUrl) {
        open(baseUrl, "entrenar", "#dataset-preview img");
        return this;
    }

    /** Types into a Vaadin text, integer or number field and leaves it, so the value is sent. */
    public void type(String id, String value) {
        Locator input = page.locator("#" + id + " input");
        input.fill(value);
        input.press("Tab");
    }

    /** One stroke across the pad inside {@code container}, from (x0, y0) to (x1, y1) in fractions of its size. */
    public void stroke(String container, double x0, double y0, double x1, double y1) {
        Locator canvas = page.locator(container + " canvas");
        canvas.scrollIntoViewIfNeeded();
        var box = canvas.boundingBox();
        page.mouse().move(box.x + box.width * x0, box.y + box.height * y0);
        page.mouse().down();
        page.mouse().move(box.x + box.width * x1, box.y + box.height * y1, new Mouse.MoveOptions().setSteps(10));
        page.mouse().up();
    }
}
