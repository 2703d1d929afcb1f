package org.cnnlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.Locale;
import org.cnnlab.base.Translations;
import org.cnnlab.base.ui.Numbers;
import org.cnnlab.e2e.pages.NetworkPage;
import org.cnnlab.e2e.pages.TrainingPage;
import org.cnnlab.network.BudgetLimits;
import org.cnnlab.network.LayerSpec;
import org.cnnlab.network.NetworkAnalysis;
import org.cnnlab.network.NetworkDesignService;
import org.cnnlab.network.NetworkPresets;
import org.cnnlab.network.NetworkSpec;
import org.cnnlab.network.ParameterQuiz;
import org.cnnlab.network.Price;
import org.cnnlab.network.TensorShape;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The network lesson in real Chromium: build by clicking, read totals, quiz, impossible shapes, presets, code. */
class NetworkLessonIT extends BrowserTest {

    @Autowired
    NetworkDesignService designs;

    @Autowired
    BudgetLimits budgetLimits;

    private String computed(NetworkPresets preset) {
        NetworkAnalysis a = designs.analyse(preset.spec());
        return Numbers.of(Translations.SPANISH).integer(a.trainable());
    }

    @Test
    void building_the_lecture_quiz_network_by_clicking_shows_its_computed_total() {
        NetworkPage net = new NetworkPage(page).open(baseUrl());
        net.openBuilder();
        int layers = net.layerCount();                               // the starting design ends in its dense classifier
        net.addLayer(spanish("layer.relu"));
        assertThat(page.locator("#layer-editor h3").textContent()).as("added before the output layer, and opened")
                .startsWith(layers + ". ");
        net.removeAllLayers();
        net.type("input-height", "48");
        net.type("input-width", "48");
        net.addLayer(spanish("layer.conv2d"));                       // 8 filters 3×3 by default
        net.addLayer(spanish("layer.relu"));
        net.addLayer(spanish("layer.conv2d"));
        net.select(3);
        net.edit("edit-filters", "12");
        net.edit("edit-kernel", "5");
        net.addLayer(spanish("layer.relu"));
        net.addLayer(spanish("layer.flatten"));
        net.addLayer(spanish("layer.dense"));
        net.select(6);
        net.edit("edit-units", "128");
        net.addLayer(spanish("layer.relu"));
        net.addLayer(spanish("layer.dense"));
        net.select(8);
        net.edit("edit-units", "5");
        // (3·3·3+1)·8 + (5·5·8+1)·12 + (12·42·42+1)·128 + (128+1)·5, worked out here
        long expected = 224 + 2_412 + 2_709_632 + 645;
        assertThat(net.totals()).contains(Numbers.of(Translations.SPANISH).integer(expected)).contains("5.");
        assertThat(page.locator("#code-pytorch textarea").inputValue())
                .contains("nn.Conv2d(3, 8, kernel_size=3").contains("nn.Conv2d(8, 12, kernel_size=5").contains("nn.Linear(21168, 128)");
        page.locator("#copy-pytorch").click();
        assertThat(page.locator("vaadin-notification-card").last().textContent()).contains(spanish("builder.copied"));
        screenshot(page, "network-builder-quiz-net");
    }

    @Test
    void the_activation_bomb_is_priced_live_and_shown_over_the_servers_budget_with_the_batch_that_fits() {
        NetworkPage net = new NetworkPage(page).open(baseUrl());
        net.openBuilder();
        net.buildGapNetwork(28, 4096, spanish("layer.conv2d"), spanish("layer.relu"), spanish("layer.globalavgpool"),
                spanish("layer.dense"));                                  // 10 units by default
        // the price worked out here from the design's analysis (Price's formula), against the configured budget
        Numbers es = Numbers.of(Translations.SPANISH);   // the page's one number format
        long budget = budgetLimits.trainingMemoryBytes();
        Price price = price(28);
        long total = price.trainingBytes(32);
        assertThat(total).isLessThan(budget);
        assertThat(net.text("network-price")).isEqualTo(spanish("builder.price", 32, es.size(total), es.size(budget), es.percent((double) total / budget, 1),
                price.largestTrainingBatch(budget), price.seconds(1000, true, budgetLimits.macsPerSecond())));
        // each layer's part: the convolution's output at batch 32, ×3 for the backward pass
        assertThat(page.locator("#layer-table vaadin-grid-cell-content").allTextContents())
                .contains(es.size(3.0 * 32 * 4096 * 26 * 26 * 4));

        net.edit("input-height", "64");                              // the same filters on 64×64: over the budget at batch 32
        net.edit("input-width", "64");
        price = price(64);
        total = price.trainingBytes(32);
        assertThat(total).isGreaterThan(budget);
        page.locator("#network-price[theme~='over-budget']").waitFor();
        assertThat(net.text("network-price")).isEqualTo(spanish("builder.price.over", 32, es.size(total), es.size(budget), (double) total / budget,
                price.largestTrainingBatch(budget)));
        screenshot(page, "network-builder-over-budget");
    }

    @Test
    void the_activation_bomb_sent_to_training_at_batch_1024_is_refused_with_its_price() {
        NetworkPage net = new NetworkPage(page).open(baseUrl());
        net.openBuilder();
        net.buildGapNetwork(28, 4096, spanish("layer.conv2d"), spanish("layer.relu"), spanish("layer.globalavgpool"), spanish("layer.dense"));
        TrainingPage training = new TrainingPage(page).open(baseUrl());
        training.choose("train-dataset", spanish("dataset.mnist"));             // ten classes, as the design's Dense(10)
        training.type("train-per-class", "500");                                // 4,000 training images: a batch of 1,024 is allowed
        training.choose("train-network", spanish("training.network.builder"));
        training.type("train-batch", "1024");
        page.locator("#train-start").click();
        String start = spanish("budget.error.trainingMemory", 0, 1024, 0, 0, 0, 0);
        start = start.substring(0, start.indexOf(" 0"));    // "Entrenar esta red a lote 1.024 necesitaría"
        page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText(start)).waitFor();
        assertThat(page.locator("#train-status").allTextContents()).as("nothing was queued").allMatch(String::isBlank);
        screenshot(page, "training-activation-bomb-refused");
    }

    /** 1×side×side → 4,096 filters 3×3 → ReLU → global average pooling → 10 classes, priced. */
    private Price price(int side) {
        return Price.of(designs.analyse(NetworkSpec.of(TensorShape.image(1, side, side),
                LayerSpec.Conv2d.of(4096, 3),
                new LayerSpec.Activation(LayerSpec.Activation.Kind.RELU),
                new LayerSpec.GlobalAvgPool(), new LayerSpec.Dense(10))));
    }

    @Test
    void an_impossible_shape_is_shown_on_its_layer() {
        NetworkPage net = new NetworkPage(page).open(baseUrl());
        net.openBuilder();
        net.select(3);                                   // the quiz network's second conv, 5×5 on 46×46
        net.edit("edit-kernel", "31");                   // still fits: 46 − 31 + 1 = 16
        net.edit("edit-dilation", "2");                  // spans 2·(31−1) + 1 = 61 > 46
        assertThat(net.text("layer-problem-2")).isEqualTo(spanish("network.error.kernelTooLarge", 61, 46, 46));
        assertThat(net.totals()).isEqualTo(spanish("builder.totals.invalid", 8));
        screenshot(page, "network-builder-impossible");
        net.edit("edit-kernel", "5");
        assertThat(page.locator("#layer-problem-2").count()).isZero();
    }

    @Test
    void presets_switch_and_their_totals_are_the_computed_ones() {
        NetworkPage net = new NetworkPage(page).open(baseUrl());
        net.openBuilder();
        for (NetworkPresets preset : NetworkPresets.values()) {
            String before = net.totals();
            net.choose("network-preset", spanish("netpreset." + preset.name().toLowerCase(Locale.ROOT)));
            if (!before.contains(computed(preset))) {
                page.waitForFunction("b => document.querySelector('#network-totals').textContent !== b", before);
            }
            assertThat(net.totals()).as(preset.name()).contains(computed(preset));
        }
        screenshot(page, "network-builder-vgg16");
    }

    @Test
    void the_quiz_checks_answers_and_explains_the_slide_total() {
        NetworkPage net = new NetworkPage(page).open(baseUrl());
        net.tab(1);
        page.locator("#netquiz-next").click();                       // question 2: the in-class CNN
        page.waitForFunction("() => document.querySelector('#netquiz-number').textContent.includes('2')");
        page.locator("#netquiz-answer input").fill("2.714.097");    // the slide's figure
        page.locator("#netquiz-check").click();
        page.waitForFunction("() => document.querySelector('#netquiz-feedback').getAttribute('data-stage') === 'hint'");
        assertThat(net.text("netquiz-feedback")).as("a hint first, the answer kept back").startsWith("✗ " + spanish("netquiz.hint.slide"))
                .doesNotContain(computed(NetworkPresets.LECTURE_QUIZ));
        assertThat(page.locator("#netquiz-slide-note").count()).isZero();
        assertThat(page.locator("#netquiz-feedback").evaluate("e => getComputedStyle(e).color"))
                .as("wrong is marked in the error colour").isNotEqualTo(page.locator("#netquiz-number").evaluate("e => getComputedStyle(e).color"));
        page.locator("#netquiz-check").click();                       // the same figure again: now the answer and its working
        page.waitForFunction("() => document.querySelector('#netquiz-feedback').getAttribute('data-stage') === 'answer'");
        assertThat(net.text("netquiz-slide-note")).contains(Numbers.of(Translations.SPANISH).integer(2_714_097)).contains(computed(NetworkPresets.LECTURE_QUIZ));
        page.locator("#netquiz-answer input").fill(computed(NetworkPresets.LECTURE_QUIZ));
        page.locator("#netquiz-check").click();
        page.waitForFunction("() => document.querySelector('#netquiz-feedback').getAttribute('data-correct') === 'true'");
        assertThat(net.text("netquiz-explanation")).contains("(5·5·8 + 1)·12 = " + Numbers.of(Translations.SPANISH).integer(2_412));
        assertThat(net.text("netquiz-score")).as("right after the answer was shown does not score").isEqualTo(spanish("quiz.score", 0, 1, 0));
        page.locator("#netquiz-prev").click();                        // question 1: the lecture's MLP, right at the first try
        page.waitForFunction("t => document.querySelector('#netquiz-number').textContent === t",
                spanish("netquiz.number.lecture", 1, ParameterQuiz.count()));
        page.locator("#netquiz-answer input").fill(computed(NetworkPresets.LECTURE_MLP));
        page.locator("#netquiz-check").click();
        page.waitForFunction("() => document.querySelector('#netquiz-feedback').getAttribute('data-stage') === 'right'");
        assertThat(net.text("netquiz-score")).isEqualTo(spanish("quiz.score", 1, 2, 1));
        screenshot(page, "network-quiz");
    }

    @Test
    void the_mlp_page_counts_the_lecture_question_and_compares_a_conv_layer() {
        NetworkPage net = new NetworkPage(page).open(baseUrl());
        assertThat(net.text("mlp-dense")).contains(Numbers.of(Translations.SPANISH).integer((224L * 224 * 3 + 1) * 128));
        assertThat(net.text("mlp-conv")).contains(Numbers.of(Translations.SPANISH).integer((3 * 3 * 3 + 1) * 128));
        assertThat(net.text("mlp-drawback-2")).contains(Numbers.of(Translations.SPANISH).integer(222L * 222));
        net.type("mlp-neurons", "64");
        page.waitForFunction("() => document.querySelector('#mlp-dense').textContent.includes('" + Numbers.of(Translations.SPANISH).integer((224L * 224 * 3 + 1) * 64) + "')");
        screenshot(page, "network-mlp");
    }

    @Test
    void a_bad_import_gets_a_message_and_a_saved_design_comes_back() {
        NetworkPage net = new NetworkPage(page).open(baseUrl());
        net.openBuilder();
        String before = net.totals();
        page.locator("#network-tabs vaadin-tab").filter(new Locator.FilterOptions().setHasText("JSON")).click();
        page.locator("#design-json textarea").fill("{\"format\": \"cnnlab-network\", \"version\": 1, \"input\": ");
        page.locator("#import-json").click();
        page.locator("vaadin-notification-card").last().waitFor();
        assertThat(page.locator("vaadin-notification-card").last().textContent()).isEqualTo(spanish("network.json.malformed"));
        assertThat(net.totals()).isEqualTo(before);

        page.locator("#save-name input").fill("mi quiz");
        page.locator("#save-design").click();
        net.choose("network-preset", spanish("netpreset.lenet5"));
        page.waitForFunction("b => document.querySelector('#network-totals').textContent !== b", before);
        net.choose("saved-designs", "mi quiz");
        page.waitForFunction("b => document.querySelector('#network-totals').textContent === b", before);
        screenshot(page, "network-builder-import-save");
    }

    @Test
    void the_lesson_speaks_english_too() {
        NetworkPage net = new NetworkPage(page).open(baseUrl());
        page.locator("#language-switch").click();   // reloads the page: wait for its English tabs
        page.locator("#network-tabs vaadin-tab").filter(new Locator.FilterOptions()
                .setHasText(english("network.tab.mlp"))).waitFor();
        net.openBuilder();
        assertThat(page.locator("#layer-table").textContent()).contains(english("layer.dense"));
        screenshot(page, "network-builder-english");
    }
}
