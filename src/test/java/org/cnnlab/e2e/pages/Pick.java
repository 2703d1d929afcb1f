package org.cnnlab.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.util.List;
import java.util.Map;

/**
 * The one way the browser tests choose from a Vaadin {@code vaadin-select} or
 * {@code vaadin-radio-group}: by the item's visible label, through the component's value.
 *
 * <p>Clicking an item in the select's open list raced the overlay's opening animation (an item "not
 * visible" for 30 s while the list opened, a click landing on a list still closing). Instead this
 * does what the component itself does when a student picks an item: it sets the field's
 * {@code value} to the item's value (Flow's key for it), which fires {@code value-changed}, the event
 * Flow's {@code AbstractSinglePropertyField} synchronises the value on, and then fires
 * {@code change}, as the component does after a pick. No overlay is opened. The server gets an
 * ordinary value change from the client ({@code isFromClient()} is true), and this waits until the
 * server has answered it. The items are in the page while the list is closed: Flow renders them as
 * children of the field.
 *
 * <p>It fails with the reason and the labels the field offers when the field is hidden, disabled
 * or read-only, when no item has the label (after waiting for one, since some lists are filled by
 * push), when the item is disabled, when several items contain the label, and when Flow sends
 * nothing to the server.
 */
public final class Pick {
    private Pick() {
    }

    /** One item of a select or radio group as the page has it. */
    public record Item(String label, String value, boolean disabled) {
    }

    /** The field's items in order, and a way of reading their labels: shared by every script here. */
    private static final String ITEMS = """
            const items = field => {
              const kind = field.localName;
              const elements = kind === 'vaadin-select' ? field.querySelectorAll(':scope > vaadin-select-list-box vaadin-select-item')
                  : kind === 'vaadin-radio-group' ? field.querySelectorAll('vaadin-radio-button') : null;
              if (elements === null) throw new Error('Pick handles vaadin-select and vaadin-radio-group, not <' + kind + '>');
              const label = e => ((kind === 'vaadin-select' ? e.getAttribute('label') : e.label) || e.textContent).replace(/\\s+/g, ' ').trim();
              return [...elements].map(e => ({ element: e, label: label(e), value: e.value == null ? '' : String(e.value), disabled: !!e.disabled }));
            };
            """;

    /**
     * Looks the label up and, when {@code commit}, sets the value. Returns one of: absent, ambiguous,
     * disabled, field-disabled (the field or its items cannot be picked now), same (already chosen),
     * ready (found, not committed), sent (set, and Flow is sending it), silent (set, but Flow sent
     * nothing).
     */
    private static final String PICK = "(field, [wanted, commit]) => {" + ITEMS + """
              const all = items(field);
              const norm = wanted.replace(/\\s+/g, ' ').trim();
              let matches = all.filter(i => i.label === norm);
              if (matches.length === 0) matches = all.filter(i => i.label.includes(norm));
              const answer = status => ({ status, labels: all.map(i => i.label) });
              if (matches.length === 0) return answer('absent');
              if (matches.length > 1) return answer('ambiguous');
              const item = matches[0];
              if (item.disabled) return answer('disabled');
              if (field.disabled || field.readonly) return answer('field-disabled');
              if (String(field.value) === item.value) return answer('same');
              if (!commit) return answer('ready');
              const active = """ + Settle.FLOW_ACTIVE + """
              ;
              const before = active();
              field.value = item.value;
              field.dispatchEvent(new CustomEvent('change', { bubbles: true }));
              return answer(before || active() ? 'sent' : 'silent');
            }
            """;

    /**
     * Chooses the item labelled {@code label} (its whole label, or failing that the one item whose label
     * contains it) in the select or radio group {@code field}, and returns once the server has
     * answered the change. Callers whose page shows the effect later (a map computed and pushed)
     * still wait for that on the page.
     */
    public static void byLabel(Locator field, String label) {
        Page page = field.page();
        try {
            field.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        } catch (PlaywrightException e) {
            throw new AssertionError("cannot pick \"" + label + "\": " + field + " is not shown", e);
        }
        // the list may still be filling (the server adds items by push): wait until the item can be picked
        Map<?, ?>[] last = new Map<?, ?>[1];
        try {
            page.waitForCondition(() -> {
                last[0] = lookUp(field, label, false);
                return List.of("ready", "same", "ambiguous").contains(last[0].get("status"));
            });
        } catch (PlaywrightException e) {
            throw failure(field, label, last[0], e);
        }
        if ("same".equals(last[0].get("status"))) return;   // already chosen: a student's pick would change nothing either
        Map<?, ?> result = lookUp(field, label, true);
        switch ((String) result.get("status")) {
            case "sent" -> Settle.server(page);
            case "same" -> {
            }
            default -> throw failure(field, label, result, null);
        }
    }

    /** The field's items as the page has them now, whether its list is open or not. */
    public static List<Item> items(Locator field) {
        List<?> raw = (List<?>) field.evaluate("field => {" + ITEMS + " return items(field).map(i => [i.label, i.value, i.disabled]); }");
        return raw.stream().map(r -> (List<?>) r).map(r -> new Item((String) r.get(0), (String) r.get(1), (Boolean) r.get(2))).toList();
    }

    /** The labels of the field's items, in order. */
    public static List<String> labels(Locator field) {
        return items(field).stream().map(Item::label).toList();
    }

    private static Map<?, ?> lookUp(Locator field, String label, boolean commit) {
        return (Map<?, ?>) field.evaluate(PICK, List.of(label, commit));
    }

    private static AssertionError failure(Locator field, String label, Map<?, ?> result, Throwable cause) {
        String status = result == null ? "unread" : (String) result.get("status");
        String reason = switch (status) {
            case "absent" -> "has no item labelled";
            case "ambiguous" -> "has several items containing";
            case "disabled" -> "offers a disabled item";
            case "field-disabled" -> "is disabled or read-only, so a student cannot choose";
            case "silent" -> "took the value, but Flow sent nothing to the server for";
            default -> "could not be read to pick";
        };
        Object labels = result == null ? "?" : result.get("labels");
        return new AssertionError(field + " " + reason + " \"" + label + "\"; its items: " + labels, cause);
    }
}
