package dev.roundtrip.ui.inspector;

import dev.roundtrip.trace.MissingReadoutWords;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.probe.KernelBudget;
import dev.roundtrip.probe.KernelProbe;
import dev.roundtrip.probe.MemoryProbe;
import dev.roundtrip.probe.OsFamily;
import dev.roundtrip.text.Texts;
import dev.roundtrip.trace.Unavailable;
import dev.roundtrip.wire.Probes;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code unavailable} text the engine writes, built through the engine's own code where this JVM
 * can reach it (so a changed English text fails here), reads in German, French and Spanish in the
 * inspector, and in English exactly as recorded.
 */
class MissingReadoutWordsTest {
    @TempDir
    Path dir;

    @AfterEach
    void english() {
        Texts.use(Locale.ENGLISH);
    }

    /** The recorded texts ("code: detail"), from the engine. */
    List<String> engineTexts() throws Exception {
        List<String> texts = new ArrayList<>();
        EmbeddedChannel ch = new EmbeddedChannel(); // its addresses are not internet sockets, and it has no epoll descriptor
        try {
            Probes on = new Probes(new KernelProbe(), 0, new KernelBudget(0, 0));
            texts.add(on.kernelSampled(ch).unavailable());
            texts.add(on.kernel(ch).unavailable());
            texts.add(on.tcpAtStageEnd(ch).unavailable());
            Probes off = new Probes(KernelProbe.switchedOff(), 0);
            texts.add(off.kernel(ch).unavailable());
            texts.add(off.tcpAtStageEnd(ch).unavailable());
            // the shared readouts of the default budgets: the texts a class sees under load
            Probes usual = new Probes(new KernelProbe(), 0, KernelBudget.sampled());
            for (String field : List.of("sampledOut", "ioctlSampledOut")) texts.add(((dev.roundtrip.trace.KernelReadout) field(usual, field)).unavailable());
            texts.add(((dev.roundtrip.trace.TcpReadout) field(null, "TCP_SAMPLED")).unavailable());
        } finally {
            ch.close();
        }
        InetSocketAddress local = new InetSocketAddress("127.0.0.1", 40001);
        InetSocketAddress remote = new InetSocketAddress("127.0.0.1", 8080);
        for (OsFamily os : OsFamily.values()) {
            if (os != OsFamily.LINUX) texts.add(KernelProbe.on(os).read(local, remote, null, null).unavailable());
        }
        texts.add(new KernelProbe(dir.resolve("no-tcp"), dir.resolve("no-tcp6")).read(local, remote, null, null).unavailable());
        Path tcp = Files.writeString(dir.resolve("tcp"), "");
        Path tcp6 = Files.writeString(dir.resolve("tcp6"), "");
        texts.add(new KernelProbe(tcp, tcp6).read(local, remote, null, null).unavailable());
        MemoryProbe memory = new MemoryProbe();
        texts.add(memory.read(null).unavailable());
        MemoryProbe.Mark[] elsewhere = new MemoryProbe.Mark[1];
        Thread t = new Thread(() -> elsewhere[0] = memory.allocatedMark());
        t.start();
        t.join();
        texts.add(memory.read(elsewhere[0]).unavailable());
        // made only on another OS, when a system call fails, or by package-private code: as the engine writes them
        texts.add(Unavailable.CLOSED.text("the socket is closed"));
        texts.add(Unavailable.CLOSED.text("getsockopt(TCP_INFO) failed: Bad file descriptor"));
        texts.add(Unavailable.CLOSED.text("the socket's descriptor answered no queue sizes (closed?)"));
        texts.add(Unavailable.PLATFORM.text("macOS tells the queues through getsockopt(SO_NREAD, SO_NWRITE), which could not be called: "
                + "JNA could not bind the C library's calls: java.lang.UnsatisfiedLinkError: no libc"));
        texts.add(Unavailable.CLOSED.text("the connection is not open yet"));
        texts.add(Unavailable.PLATFORM.text("this JVM does not count the bytes each thread allocates"));
        texts.add(Unavailable.ERROR.text("the thread's allocation counter gave -16 bytes for the program and 24 for the instrument"
                + " since the stage began (a negative difference: the split of instrument work is wrong)"));
        return texts;
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        java.lang.reflect.Field f = Probes.class.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(owner);
    }

    private static String detail(String unavailable) {
        return unavailable.substring(unavailable.indexOf(':') + 1).trim();
    }

    @Test
    void everyDetailTheEngineWritesIsKnown() throws Exception {
        List<String> texts = engineTexts();
        assertThat(texts).hasSize(22).doesNotContainNull();
        assertThat(texts).allSatisfy(u -> assertThat(Unavailable.of(u)).as(u).isPresent());
        assertThat(texts).allSatisfy(u -> assertThat(MissingReadoutWords.knows(detail(u))).as(u).isTrue());
    }

    @Test
    void inEnglishTheDetailIsTheRecordedText() throws Exception {
        Texts.use(Locale.ENGLISH);
        for (String u : engineTexts()) {
            assertThat(MissingReadoutWords.said(detail(u), Locale.ENGLISH)).isEqualTo(detail(u));
            String reason = InspectorViewModel.missingText(u, Unavailable.of(u));
            String alone = InspectorViewModel.T.get("missing." + Unavailable.of(u).get().name(), 0, "");
            if (detail(u).equalsIgnoreCase(alone)) assertThat(reason).as("said once").isEqualTo(alone);
            else assertThat(reason).endsWith(" (" + detail(u) + ")");
        }
    }

    @Test
    void everyDetailReadsInGermanFrenchAndSpanish() throws Exception {
        List<String> texts = engineTexts();
        for (Locale language : List.of(Locale.GERMAN, Locale.FRENCH, Texts.SPANISH)) {
            Texts.use(language);
            for (String u : texts) {
                String shown = InspectorViewModel.missingText(u, Unavailable.of(u));
                assertThat(shown).as(language + ": " + u).doesNotContain(detail(u));
                String key = "missing." + Unavailable.of(u).get().name();
                String said = MissingReadoutWords.said(detail(u), language);
                String alone = InspectorViewModel.T.get(key, 0, "");
                assertThat(shown).as(language + ": " + u).isEqualTo(said.equalsIgnoreCase(alone) ? alone : InspectorViewModel.T.get(key, 1, said));
            }
        }
    }

    @Test
    void aGermanInspectorSaysTheSampledDetailInGerman() {
        Texts.use(Locale.GERMAN);
        String u = Unavailable.SAMPLED.text("not read at this socket read/write: kernel readouts are sampled under load"
                + " (at most 4096 back to back, 2000 per second under load); a held exchange is always measured");
        assertThat(InspectorViewModel.missingText(u, Unavailable.of(u))).isEqualTo("hier nicht gemessen: unter Last nur Stichproben"
                + " (bei diesem Socket-Lese-/Schreibvorgang nicht gelesen: unter Last werden Kernel-Messungen nur stichprobenartig"
                + " genommen (höchstens 4096 direkt nacheinander, 2000 pro Sekunde unter Last); ein angehaltener Austausch wird immer gemessen)");
    }

    @Test
    void theVariablePartsAreKeptAsRecorded() {
        Texts.use(Locale.FRENCH);
        String u = Unavailable.CLOSED.text("connection localhost/127.0.0.1:40001 -> /[0:0:0:0:0:0:0:1]:8080 is not in /proc/net/tcp (already closed?)");
        assertThat(InspectorViewModel.missingText(u, Unavailable.of(u)))
                .isEqualTo("aucun socket ouvert à mesurer (la connexion localhost/127.0.0.1:40001 -> /[0:0:0:0:0:0:0:1]:8080"
                        + " n’est pas dans /proc/net/tcp (déjà fermée ?))");
        Texts.use(Texts.SPANISH);
        String os = Unavailable.PLATFORM.text("Plan 9 has no socket-queue readout that Roundtrip knows");
        assertThat(InspectorViewModel.missingText(os, Unavailable.of(os)))
                .isEqualTo("no disponible en esta plataforma (Plan 9 no tiene ninguna lectura de las colas del socket que Roundtrip conozca)");
    }

    @Test
    void aDetailItDoesNotKnowIsShownAsRecorded() {
        Texts.use(Locale.GERMAN);
        for (String u : List.of(Unavailable.SAMPLED.text("not read at this socket read/write"), // an older recording's words
                Unavailable.CLOSED.text("the socket is closed, and more"), // a newer one's
                Unavailable.SAMPLED.text("TCP_INFO is read at most many times a second under load, and not at this stage's end"))) {
            assertThat(MissingReadoutWords.knows(detail(u))).as(u).isFalse();
            assertThat(InspectorViewModel.missingText(u, Unavailable.of(u))).as(u).endsWith(" (" + detail(u) + ")");
        }
        assertThat(InspectorViewModel.missingText("an old text", Optional.empty())).isEqualTo("nicht verfügbar (an old text)");
    }
}
