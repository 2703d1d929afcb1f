package org.cnnlab.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.cnnlab.convolution.ChannelMode;
import org.cnnlab.convolution.KernelPreset;
import org.cnnlab.convolution.Padding;
import org.cnnlab.imaging.Colormap;
import org.junit.jupiter.api.Test;

/** Spanish and English say the same things: same keys, and every key the code builds exists. */
class TranslationsTest {

    private static Properties load(String file) throws Exception {
        Properties p = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/i18n/" + file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void spanish_and_english_have_the_same_keys() throws Exception {
        Properties es = load("messages.properties");
        Properties en = load("messages_en.properties");
        assertThat(es.stringPropertyNames()).isNotEmpty().containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
    }

    @Test
    void every_key_built_from_an_enum_or_an_index_exists_in_both_languages() {
        Translations translations = new Translations();
        List<String> keys = new ArrayList<>();
        for (KernelPreset p : KernelPreset.values()) keys.add("preset." + p.name().toLowerCase(Locale.ROOT));
        for (Lesson l : Lesson.values()) {
            keys.add(l.titleKey());
            keys.add(l.summaryKey());
        }
        for (Padding.Mode m : Padding.Mode.values()) keys.add("padding." + m.name().toLowerCase(Locale.ROOT));
        for (ChannelMode m : ChannelMode.values()) keys.add("channels." + m.name().toLowerCase(Locale.ROOT));
        for (Colormap c : Colormap.values()) keys.add("colormap." + c.name().toLowerCase(Locale.ROOT));
        for (int c = 0; c < 3; c++) {
            keys.add("channel." + c);
            keys.add("channel.letter." + c);
        }
        for (String key : keys) {
            for (Locale locale : List.of(Translations.SPANISH, Translations.ENGLISH)) {
                assertThat(translations.getTranslation(key, locale)).as("%s in %s", key, locale).doesNotStartWith("!");
            }
        }
    }

    @Test
    void arguments_are_formatted_into_the_message() {
        Translations translations = new Translations();
        assertThat(translations.getTranslation("conv.error.kernelSize", Translations.SPANISH, 1, 15)).contains("1").contains("15");
        assertThat(translations.getTranslation("no.such.key", Translations.ENGLISH)).isEqualTo("!no.such.key!");
    }
}
