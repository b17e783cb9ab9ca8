package dev.roundtrip;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.roundtrip.server.ServerSettings;

/**
 * DESIGN.md's package table (as proposed in issue 9's note), as a test: change the table and this
 * test together. Each package may depend only on the JDK, the packages listed for it and the
 * libraries it exists to wrap.
 */
@AnalyzeClasses(packages = "dev.roundtrip", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String JDK = "java..";
    private static final String R = "dev.roundtrip.";

    private static ArchRule mayUse(String pkg, String... allowed) {
        String[] all = new String[allowed.length + 2];
        all[0] = R + pkg + "..";
        all[1] = JDK;
        for (int i = 0; i < allowed.length; i++) {
            all[i + 2] = allowed[i].endsWith("..") ? allowed[i] : R + allowed[i] + ".."; // "io.netty.." is a library, "wire" ours
        }
        return classes().that().resideInAPackage(R + pkg + "..").should().onlyDependOnClassesThat().resideInAnyPackage(all)
                .because("DESIGN.md's package table says what " + pkg + " may import");
    }

    // the leaves: JDK only (trace puts its event texts into words through text, itself JDK only)
    @ArchTest static final ArchRule trace = mayUse("trace", "text");
    @ArchTest static final ArchRule files = mayUse("files");
    @ArchTest static final ArchRule text = mayUse("text");

    // the engine: measurements, gates, Netty instrumentation, server, client, the facade
    @ArchTest static final ArchRule probe = mayUse("probe", "trace", "com.sun.jna..", "com.sun.management..");
    @ArchTest static final ArchRule gate = mayUse("gate", "trace");
    @ArchTest static final ArchRule wire = mayUse("wire", "trace", "probe", "gate", "io.netty..", "javax.net.ssl..");
    @ArchTest static final ArchRule server = mayUse("server", "trace", "probe", "gate", "wire", "text", "io.netty..", "org.h2..", "javax.net.ssl..");
    @ArchTest static final ArchRule client = mayUse("client", "trace", "probe", "gate", "wire", "text", "io.netty..", "javax.net.ssl..");
    @ArchTest static final ArchRule lab = mayUse("lab", "trace", "probe", "gate", "wire", "server", "client", "capture", "record", "text", "files", "tls",
            "queue"); // the queue feeds the real-time routes: lab.QueueUpdates plugs its producer into the server
    // the localhost certificate: BouncyCastle stays inside, JDK types come out
    @ArchTest static final ArchRule tls = mayUse("tls", "files", "org.bouncycastle..");
    @ArchTest static final ArchRule queue = mayUse("queue", "trace", "text");
    // Roundtrip between a foreign client and a foreign server: the wire's instrumentation, its own recording
    @ArchTest static final ArchRule capture = mayUse("capture", "trace", "probe", "gate", "wire", "record", "text", "io.netty..",
            "com.sun.net.httpserver.."); // the warm-up's private server

    // files people touch: recordings, HAR, diagrams; lessons
    @ArchTest static final ArchRule record = mayUse("record", "trace", "files", "text", "com.fasterxml.jackson..");
    // lessons set the demo server's knobs (delay, TCP_NODELAY) through lab.serverSettings(): that one server type
    @ArchTest static final ArchRule lesson = classes().that().resideInAPackage(R + "lesson..").should().onlyDependOnClassesThat(
            resideInAnyPackage(R + "lesson..", JDK, R + "trace..", R + "record..", R + "lab..", R + "gate..", R + "queue..", R + "client..", R + "capture..",
                    R + "files..", R + "text..", "org.yaml.snakeyaml..", "com.fasterxml.jackson..", "com.sun.net.httpserver..")
                    .or(type(ServerSettings.class)));

    // the app and the command line
    @ArchTest static final ArchRule ui = mayUse("ui", "trace", "gate", "client", "lab", "queue", "capture", "record", "lesson", "files", "text",
            "javafx..", "javax.imageio..", "atlantafx..", "org.kordamp.ikonli..");
    @ArchTest static final ArchRule cli = mayUse("cli", "trace", "probe", "gate", "wire", "server", "client", "lab", "queue", "capture", "record", "tls",
            "lesson", "files", "text", "ui.export", "picocli..", "javafx..", "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule engineNeverImportsJavaFx = noClasses()
            .that().resideInAnyPackage(R + "trace..", R + "probe..", R + "gate..", R + "wire..", R + "server..", R + "client..", R + "capture..",
                    R + "lab..", R + "queue..", R + "record..", R + "lesson..", R + "files..", R + "text..", R + "tls..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
            .because("the engine emits facts and the UI draws them; the engine never imports JavaFX");

    @ArchTest
    static final ArchRule serverAndClientDoNotKnowEachOther = noClasses().that().resideInAPackage(R + "server..")
            .should().dependOnClassesThat().resideInAPackage(R + "client..")
            .orShould().dependOnClassesThat().resideInAPackage(R + "cli..");

    @ArchTest
    static final ArchRule clientDoesNotKnowTheServer = noClasses().that().resideInAPackage(R + "client..")
            .should().dependOnClassesThat().resideInAPackage(R + "server..");

    @ArchTest
    static final ArchRule cliUsesOnlyTheExportPartOfTheUi = noClasses().that().resideInAPackage(R + "cli..")
            .should().dependOnClassesThat(resideInAPackage(R + "ui..").and(not(resideInAPackage(R + "ui.export.."))))
            .because("the CLI renders pictures through ui.export and nothing else of the app");

    // the real-time comparison is opened by the shell's menu and runs lab.RealtimeComparison; it knows no other feature of the app
    @ArchTest static final ArchRule uiRealtime = mayUse("ui.realtime", "lab", "text", "ui.util", "ui.export", "javafx..", "org.kordamp.ikonli..");

    @ArchTest
    static final ArchRule uiNeverTouchesNettyH2OrTheServer = noClasses().that().resideInAPackage(R + "ui..")
            .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "org.h2..", R + "server..", R + "wire..", R + "probe..", R + "cli..")
            .because("the UI reaches the engine through lab (and the value types of trace, gate, client, record, lesson, queue)");

    @ArchTest
    static final ArchRule viewModelsKnowNoControls = noClasses().that().resideInAPackage(R + "ui..").and().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.fxml..")
            .because("a view model has properties and collections, never a view (JabRef's MVVM rule), so it is tested without controls");
}
