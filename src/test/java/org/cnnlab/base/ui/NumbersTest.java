package org.cnnlab.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;
import org.cnnlab.base.Translations;
import org.junit.jupiter.api.Test;

/** The one number format: each language's marks, the unit a person reads, and the bundles agree with it. */
class NumbersTest {

    private final Numbers es = Numbers.of(Translations.SPANISH);
    private final Numbers en = Numbers.of(Translations.ENGLISH);

    @Test
    void spanish_groups_with_dots_and_marks_decimals_with_a_comma() {
        assertThat(es.integer(19_267_712)).isEqualTo("19.267.712");
        assertThat(es.integer(1330)).isEqualTo("1.330");
        assertThat(es.decimal(0.01, 2)).isEqualTo("0,01");
        assertThat(es.decimal(0.96, 3)).isEqualTo("0,960");
        assertThat(es.upTo(0.5, 3)).isEqualTo("0,5");
    }

    @Test
    void english_groups_with_commas_and_marks_decimals_with_a_point() {
        assertThat(en.integer(19_267_712)).isEqualTo("19,267,712");
        assertThat(en.decimal(0.01, 2)).isEqualTo("0.01");
        assertThat(en.decimal(1234.5, 1)).isEqualTo("1,234.5");
    }

    @Test
    void a_language_is_chosen_as_the_translations_choose_it() {
        assertThat(Numbers.of(Locale.of("es", "AR")).decimal(0.5, 1)).isEqualTo("0,5");
        assertThat(Numbers.of(Locale.UK).decimal(0.5, 1)).isEqualTo("0.5");
        assertThat(Numbers.of(Locale.GERMAN).locale()).isEqualTo(Translations.SPANISH);
    }

    @Test
    void percentages_follow_the_language() {
        assertThat(es.percent(0.123, 1)).isEqualTo("12,3\u00a0%");
        assertThat(en.percent(0.123, 1)).isEqualTo("12.3%");
        assertThat(en.percent(Double.NaN, 1)).isEqualTo("—");
    }

    @Test
    void sizes_take_the_unit_a_person_reads() {
        assertThat(en.size(512)).isEqualTo("512 B");
        assertThat(en.size(61_504 * 1024.0)).isEqualTo("60.1 MB");
        assertThat(es.size(5.766 * 1024 * 1024)).isEqualTo("5,8 MB");
        assertThat(es.size(120.4 * 1024 * 1024)).isEqualTo("120 MB");
        assertThat(en.size(3.5 * 1024 * 1024 * 1024)).isEqualTo("3.5 GB");
        assertThat(en.megabytes(0.5)).isEqualTo("512 KB");
    }

    @Test
    void large_counts_read_in_millions() {
        assertThat(es.count(19_267_712)).isEqualTo("19,3 millones");
        assertThat(en.count(19_267_712)).isEqualTo("19.3 million");
        assertThat(en.count(86_704)).isEqualTo("86,704");
    }

    @Test
    void significant_digits_scale_with_the_value() {
        assertThat(es.significant(-5.17929029, 3)).isEqualTo("-5,18");
        assertThat(en.significant(0.00123456, 3)).isEqualTo("0.00123");
        assertThat(en.significant(1234.5, 3)).isEqualTo("1,235");
        assertThat(es.significant(1.5e-6, 3)).isEqualTo("1,5E-6");
    }

    @Test
    void message_bundle_numbers_use_the_same_marks() {
        assertThat(new MessageFormat("{0}", Translations.SPANISH).format(new Object[]{1330})).isEqualTo(es.integer(1330));
        assertThat(new MessageFormat("{0}", Translations.SPANISH).format(new Object[]{0.01})).isEqualTo(es.upTo(0.01, 3));
        assertThat(new MessageFormat("{0}", Translations.ENGLISH).format(new Object[]{19_267_712})).isEqualTo(en.integer(19_267_712));
    }
}
