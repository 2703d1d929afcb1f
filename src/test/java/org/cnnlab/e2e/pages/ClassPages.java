package org.cnnlab.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The class server's pages: the instructor's login and dashboard, and a student joining and in class. */
public final class ClassPages {
    private ClassPages() {
    }

    public static class Dashboard extends AppPage {
        public Dashboard(Page page) {
            super(page);
        }

        /** Opens the dashboard, which sends to the login first. */
        public Dashboard login(String baseUrl, String user, String password) {
            page.navigate(baseUrl + "clase");
            page.locator("input[name='username']").fill(user);
            page.locator("input[name='password']").fill(password);
            page.locator("input[name='password']").press("Enter");
            page.locator("#class-session-create").waitFor();
            return this;
        }

        /** Creates a session and returns its join code as projected. */
        public String createSession(String name) {
            Locator code = page.locator("#join-code-shown");
            String before = code.count() > 0 ? code.textContent().trim() : "";
            page.locator("#class-session-name input").fill(name);
            page.locator("#class-session-create").click();
            page.waitForCondition(() -> code.count() > 0 && !code.textContent().trim().equals(before));
            return code.textContent().trim();
        }

        public Locator roster() {
            return page.locator("#roster-grid");
        }

        /** Sends what is chosen in one of the dashboard's "… for everyone" selects. */
        public void pushChoice(String selectId, String label, String buttonId) {
            choose(selectId, label);
            page.locator("#" + buttonId).click();
        }

        public void pause(String message) {
            page.locator("#pause-message input").fill(message);
            page.locator("#pause-toggle").click();
        }

        public void resume() {
            page.locator("#pause-toggle").click();
        }

        public void openPoll(String question, String options) {
            page.locator("#poll-question input").fill(question);
            page.locator("#poll-options textarea").fill(options);
            page.locator("#poll-open").click();
        }

        public Locator pollResults() {
            return page.locator("#poll-results");
        }

        public Locator gallery() {
            return page.locator("#gallery-entries");
        }

        public void toggleAnonymous() {
            page.locator("#gallery-anonymous").click();
        }
    }

    public static class Student extends AppPage {
        public Student(Page page) {
            super(page);
        }

        public Student join(String baseUrl, String code, String nickname) {
            page.navigate(baseUrl + "unirse?codigo=" + code);
            page.locator("#join-nickname input").waitFor();
            Settle.server(page);
            page.locator("#join-nickname input").fill(nickname);
            page.locator("#join-submit").click();
            page.locator("#class-bar").filter(new Locator.FilterOptions().setHasText(nickname)).waitFor();
            return this;
        }

        public Locator classBar() {
            return page.locator("#class-bar");
        }

        /** Where the page shows this text (a pause's or a poll's dialog). */
        public Locator dialogWith(String text) {
            return page.getByText(text).first();
        }

        /**
         * Chooses an option of the open poll and answers: the option through the radio group's value
         * (no click that could land while the dialog is still opening), the answer button once the
         * dialog has finished opening.
         */
        public void answerPoll(String option) {
            Pick.byLabel(page.locator("#poll-choices"), option);
            Settle.overlays(page);
            page.locator("#poll-answer").click();
            page.locator("#poll-thanks").filter(new Locator.FilterOptions().setHasText("!")).waitFor();
        }
    }
}
