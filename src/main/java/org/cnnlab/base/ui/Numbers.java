package org.cnnlab.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.Locale;
import org.cnnlab.base.Translations;

/**
 * The one way a number reaches a student's screen: in the UI's language (Spanish 19.267.712 and
 * 0,01; English 19,267,712 and 0.01), from the JDK's {@link NumberFormat} for that locale, so the
 * views, the message bundles' {@code {0,number,…}} patterns (same JDK formats) and the charts
 * ({@code Intl.NumberFormat} with the same language, grouping always on) agree.
 *
 * <p>Only for what people read. Numbers that go into generated code (PyTorch/DJL snippets), CSV,
 * JSON or CSS stay {@code Locale.ROOT} where they are written.
 *
 * <p>NumberFormat instances are not thread-safe and cheap to make: each call makes its own.
 */
public final class Numbers {

    private static final double KB = 1024;
    private static final double MB = KB * 1024;
    private static final double GB = MB * 1024;

    private final Locale locale;

    private Numbers(Locale locale) {
        this.locale = Translations.ENGLISH.getLanguage().equals(locale == null ? null : locale.getLanguage()) ? Translations.ENGLISH : Translations.SPANISH;
    }

    /** The formats of the given language (anything not English is the course's Spanish, as in {@link Translations}). */
    public static Numbers of(Locale locale) {
        return new Numbers(locale);
    }

    /** The formats of the component's UI, or of the current UI while the component is not attached yet. */
    public static Numbers of(Component component) {
        return component.getUI().map(ui -> new Numbers(ui.getLocale())).orElseGet(Numbers::current);
    }

    /** The formats of the current UI, Spanish when there is none (background threads). */
    public static Numbers current() {
        UI ui = UI.getCurrent();
        return new Numbers(ui == null ? Translations.SPANISH : ui.getLocale());
    }

    public Locale locale() {
        return locale;
    }

    /** A whole number with grouping: 19.267.712 / 19,267,712. */
    public String integer(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    /** A decimal with exactly {@code digits} fraction digits: decimal(0.01, 2) is 0,01 / 0.01. */
    public String decimal(double v, int digits) {
        return fixed(digits, digits).format(v);
    }

    /** A decimal with at most {@code digits} fraction digits (trailing zeros dropped): 0,5 rather than 0,500. */
    public String upTo(double v, int digits) {
        return fixed(0, digits).format(v);
    }

    /**
     * A value of any size with about {@code significant} significant digits (a kernel weight, a
     * completeness sum): 0,00123, 12,3, 1.234. Beyond 10⁶ or below 10⁻⁴ the value is shown in
     * scientific notation with the language's decimal mark (1,23E-5).
     */
    public String significant(double v, int significant) {
        if (!Double.isFinite(v)) return Double.isNaN(v) ? "—" : (v > 0 ? "∞" : "−∞");
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e6 || a < 1e-4) {
            DecimalFormat f = (DecimalFormat) NumberFormat.getNumberInstance(locale);
            f.applyPattern("0." + "#".repeat(Math.max(0, significant - 1)) + "E0");
            return f.format(v);
        }
        int magnitude = (int) Math.floor(Math.log10(a));
        return upTo(v, Math.max(0, significant - 1 - magnitude));
    }

    /** A fraction (0.123) as a percentage with {@code digits} decimals: 12,3 % / 12.3%. NaN is "—". */
    public String percent(double fraction, int digits) {
        if (Double.isNaN(fraction)) return "—";
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(fraction);
    }

    /**
     * A size in bytes in the unit a person reads: below 1 KB in bytes, then KB, MB and GB (binary,
     * 1 KB = 1024 B), with one decimal below 100 of the unit and none above: 512 B, 60,1 KB, 5,8 MB, 120 MB.
     */
    public String size(double bytes) {
        double a = Math.abs(bytes);
        if (a < KB) return integer(Math.round(bytes)) + " B";
        double unit = a < MB ? KB : a < GB ? MB : GB;
        String name = unit == KB ? "KB" : unit == MB ? "MB" : "GB";
        double v = bytes / unit;
        return (Math.abs(v) < 100 ? decimal(v, 1) : integer(Math.round(v))) + " " + name;
    }

    /** A size given in megabytes (the budget calculator's unit), as {@link #size}. */
    public String megabytes(double mb) {
        return size(mb * MB);
    }

    /**
     * A count in words for large numbers (parameters, multiply-adds), through the JDK's
     * {@link java.text.CompactNumberFormat}: 19,3 millones / 19.3 million; below a million as {@link #integer}.
     */
    public String count(double n) {
        if (Math.abs(n) < 1e6) return integer(Math.round(n));
        NumberFormat f = NumberFormat.getCompactNumberInstance(locale, NumberFormat.Style.LONG);
        f.setMaximumFractionDigits(1);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(n);
    }

    /** Seconds with one decimal and the unit: 1,2 s. */
    public String seconds(double s) {
        return decimal(s, 1) + " s";
    }

    private NumberFormat fixed(int min, int max) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(min);
        f.setMaximumFractionDigits(max);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f;
    }
}
