package org.cnnlab.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cnnlab.classroom.ui.Panels.translation;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cnnlab.base.ClassEvent;
import org.cnnlab.classroom.ClassSession;
import org.cnnlab.convolution.KernelPreset;
import org.cnnlab.imaging.SampleImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each "send to everyone" fires what was chosen, for the session shown, with its translated name. */
class TeachingPanelTest {
    private final TeachingPanel panel = newPanel();
    private final List<TeachingPanel.TeachingEvent> fired = new ArrayList<>();

    private static TeachingPanel newPanel() {
        Panels.start();
        return new TeachingPanel(List.of(new SampleImages.Sample("shapes", "sample.shapes", false),
                new SampleImages.Sample("checkerboard", "sample.checkerboard", false)), List.of("mnist", "shapes"));
    }

    private static ClassSession session(long id, boolean paused) {
        return new ClassSession(id, "Visión 1", "ABC123", true, false, paused, "", null, false, Instant.now(), false);
    }

    @AfterEach
    void stop() {
        Panels.stop();
    }

    @Test
    void pause_fires_the_opposite_of_the_session_shown_with_the_message_typed() {
        panel.addPauseListener(fired::add);
        panel.show(session(4, false));
        Panels.byId(panel, TextField.class, "pause-message").setValue("Mirada al frente");
        Panels.byId(panel, Button.class, "pause-toggle").click();
        panel.show(session(4, true));
        Panels.byId(panel, Button.class, "pause-toggle").click();

        assertThat(fired).hasSize(2).allSatisfy(e -> assertThat(e.classId()).isEqualTo(4));
        var pause = (TeachingPanel.PauseEvent) fired.get(0);
        assertThat(pause.paused()).isTrue();
        assertThat(pause.message()).isEqualTo("Mirada al frente");
        assertThat(((TeachingPanel.PauseEvent) fired.get(1)).paused()).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void push_kernel_fires_the_chosen_presets_weights_and_name() {
        panel.addPushKernelListener(fired::add);
        panel.show(session(4, false));
        Panels.byId(panel, Button.class, "push-kernel").click();
        assertThat(fired).as("nothing chosen, nothing sent").isEmpty();

        Panels.byId(panel, Select.class, "push-kernel-preset").setValue(KernelPreset.SOBEL_F1);
        Panels.byId(panel, Button.class, "push-kernel").click();

        var e = (TeachingPanel.PushKernelEvent) fired.getFirst();
        float[] sobel = KernelPreset.SOBEL_F1.kernel(3).weights();
        assertThat(e.size()).isEqualTo(3);
        assertThat(e.weights()).hasSize(9);
        for (int i = 0; i < 9; i++) assertThat(e.weights().get(i)).isEqualTo(sobel[i]);
        assertThat(e.bias()).isZero();
        assertThat(e.label()).isEqualTo(translation("preset.sobel_f1"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void push_image_fires_the_chosen_sample_and_its_label() {
        panel.addPushListener(fired::add);
        panel.show(session(9, false));
        Panels.byId(panel, Select.class, "push-image-choice").setValue("checkerboard");
        Panels.byId(panel, Button.class, "push-image").click();

        var e = (TeachingPanel.PushEvent) fired.getFirst();
        assertThat(e.classId()).isEqualTo(9);
        assertThat(e.what()).isEqualTo(ClassEvent.Pushed.What.IMAGE);
        assertThat(e.value()).isEqualTo("checkerboard");
        assertThat(e.label()).isEqualTo(translation("sample.checkerboard"));
    }
}
