package org.cnnlab;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDResource;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import org.cnnlab.base.DjlRuntime;
import org.cnnlab.base.Translations;
import org.springframework.stereotype.Service;

/**
 * The layering the code relies on: Vaadin views ({@code ..ui..}) call services and never touch DJL;
 * services never know about views or Vaadin; the feature packages ({@code base}, {@code imaging},
 * {@code convolution}) do not depend on each other in a circle; DJL's native resources are never
 * parked in static fields outside the runtime and the convolution service.
 */
@AnalyzeClasses(packages = "org.cnnlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String UI = "org.cnnlab..ui..";

    @ArchTest
    static final ArchRule views_never_use_djl = noClasses()
            .that().resideInAPackage(UI)
            .should().dependOnClassesThat().resideInAPackage("ai.djl..")
            .because("views go through the services, which own DJL's native memory");

    @ArchTest
    static final ArchRule services_never_use_views = noClasses()
            .that().resideOutsideOfPackage(UI)
            .should().dependOnClassesThat().resideInAPackage(UI)
            .because("services must work without a browser (tests, a future REST API)");

    /**
     * Two non-view classes are Vaadin glue by nature and are excepted by name: {@link Translations}
     * implements Vaadin's I18NProvider, and {@link CnnLabApplication} is the AppShellConfigurator
     * carrying @Push and the stylesheets.
     */
    @ArchTest
    static final ArchRule services_never_use_vaadin = noClasses()
            .that().resideOutsideOfPackage(UI)
            .and().doNotBelongToAnyOf(Translations.class, CnnLabApplication.class)
            .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
            .because("only views (and the i18n provider and app shell) are Vaadin code");

    /**
     * Issue 31's component rule: a component takes data in and fires typed events; the routed view (or
     * the plain {@code XxxSection} class beside it that wires one part of a big page) calls the service.
     * Excepted by name: the app's frame ({@code MainLayout}: the menu and the class bar), the class bar and
     * the share button, which act for the student on the class itself ({@code base.ClassRoom}).
     */
    @ArchTest
    static final ArchRule components_hold_no_service = noClasses()
            .that().resideInAPackage(UI)
            .and().areAssignableTo(Component.class)
            .and().areNotAnnotatedWith(Route.class)
            .and().doNotHaveSimpleName("MainLayout").and().doNotHaveSimpleName("ClassBar").and().doNotHaveSimpleName("ShareButton")
            .should().dependOnClassesThat().areAnnotatedWith(Service.class)
            .because("a panel that holds no service can be read and tested alone; its view wires its events (docs/layout.md)");

    @ArchTest
    static final ArchRule imaging_is_pure_java = noClasses()
            .that().resideInAPackage("org.cnnlab.imaging..")
            .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "com.vaadin..")
            .because("the imaging package is plain Java (see its package-info)");

    @ArchTest
    static final ArchRule feature_packages_are_free_of_cycles = slices()
            .matching("org.cnnlab.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule djl_resources_are_not_held_in_static_fields = noFields()
            .that().areStatic()
            .should().haveRawType(assignableTo(NDManager.class).or(assignableTo(NDResource.class)).or(assignableTo(Model.class))
                    .as("an NDManager, NDArray/NDList or Model"))
            .because("a static DJL resource outlives its scope and leaks native memory; DjlRuntime owns the root manager");

    /** A lab is a page's facade ({@code TrainingLab}, {@code InspectionLab}, …), with its nested records. */
    private static String labOf(JavaClass c) {
        if (!c.getPackageName().startsWith("org.cnnlab")) return null;
        String top = c.getName().substring(c.getPackageName().length() + 1).split("\\$")[0];
        return top.endsWith("Lab") ? c.getPackageName() + "." + top : null;
    }

    @ArchTest
    static final ArchRule no_lab_calls_another_lab = classes().that().haveSimpleNameEndingWith("Lab")
            .should(new ArchCondition<JavaClass>("use no other feature's lab") {
                @Override
                public void check(JavaClass lab, ConditionEvents events) {
                    lab.getDirectDependenciesFromSelf().stream()
                            .filter(d -> labOf(d.getTargetClass()) != null && !d.getTargetClass().getPackageName().equals(lab.getPackageName()))
                            .forEach(d -> events.add(SimpleConditionEvent.violated(d, d.getDescription())));
                }
            })
            .because("a lab serves its own page; what two pages share is a service (e.g. StudentModels), not one page's facade");

    /**
     * Root NDManagers (not closed with anything else) come from three places only, each owning what
     * it makes: {@link DjlRuntime} (the application's root, closed at shutdown), {@code ModelRunner}
     * (a throw-away manager for one shape check, try-with-resources) and {@code TorchScriptModel}
     * (one per loaded TorchScript module, closed with it). Everything else takes a sub-scope.
     */
    @ArchTest
    static final ArchRule root_managers_have_three_owners = noClasses()
            .that().doNotHaveFullyQualifiedName(DjlRuntime.class.getName())
            .and().doNotHaveFullyQualifiedName("org.cnnlab.models.ModelRunner")
            .and().doNotHaveFullyQualifiedName("org.cnnlab.inspection.TorchScriptModel")
            .should().callMethodWhere(new DescribedPredicate<JavaMethodCall>("NDManager.newBaseManager(…)") {
                @Override
                public boolean test(JavaMethodCall call) {
                    return call.getName().equals("newBaseManager") && call.getTargetOwner().isAssignableTo(NDManager.class);
                }
            })
            .because("a root manager outside a known owner is native memory nobody closes; take a scope of DjlRuntime instead");
}
