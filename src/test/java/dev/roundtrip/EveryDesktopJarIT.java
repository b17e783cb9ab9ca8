package dev.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The built {@code target/roundtrip.jar} (failsafe, after packaging): it carries the JavaFX and Netty
 * natives of every desktop, each compiled for the CPU its folder names (read from the file's own
 * header, so a set dropped or swapped for another fails here), and it starts from the jar alone.
 */
class EveryDesktopJarIT {
    private static final Path JAR = Path.of("target", "roundtrip.jar");
    private static JarFile jar;

    /** Machine codes in the headers: ELF e_machine, Mach-O cputype, PE machine. */
    private static final int ELF_X64 = 62, ELF_AARCH64 = 183, MACHO_X64 = 0x01000007, MACHO_ARM64 = 0x0100000C, PE_X64 = 0x8664;

    @BeforeAll
    static void open() throws IOException {
        assertThat(JAR).as("run after `mvn package`").isRegularFile();
        jar = new JarFile(JAR.toFile());
    }

    @AfterAll
    static void close() throws IOException {
        jar.close();
    }

    @ParameterizedTest(name = "{0}*{1} built for {2}")
    @CsvSource({
            "natives/linux-x64/, .so, ELF_X64",
            "natives/linux-aarch64/, .so, ELF_AARCH64",
            "natives/mac-x64/, .dylib, MACHO_X64",
            "natives/mac-aarch64/, .dylib, MACHO_ARM64",
            "'', .dll, PE_X64"})
    void javaFxForEachDesktopIsThereForItsCpu(String folder, String suffix, String cpu) throws IOException {
        List<String> libs = new ArrayList<>(List.of("glass", "prism_sw", "prism_common", "javafx_font", "javafx_iio", "decora_sse"));
        if (suffix.equals(".so")) libs.addAll(List.of("glassgtk3", "prism_es2", "javafx_font_freetype", "javafx_font_pango"));
        if (suffix.equals(".dylib")) libs.add("prism_es2");
        if (suffix.equals(".dll")) libs.add("prism_d3d");
        for (String lib : libs) {
            String name = folder + (suffix.equals(".dll") ? "" : "lib") + lib + suffix;
            assertThat(machine(name)).as(name).isEqualTo(expected(cpu));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "META-INF/native/libnetty_transport_native_epoll_x86_64.so, ELF_X64",
            "META-INF/native/libnetty_transport_native_epoll_aarch_64.so, ELF_AARCH64",
            "META-INF/native/libnetty_transport_native_kqueue_x86_64.jnilib, MACHO_X64",
            "META-INF/native/libnetty_transport_native_kqueue_aarch_64.jnilib, MACHO_ARM64",
            "com/sun/jna/linux-x86-64/libjnidispatch.so, ELF_X64",
            "com/sun/jna/linux-aarch64/libjnidispatch.so, ELF_AARCH64",
            "com/sun/jna/darwin-x86-64/libjnidispatch.jnilib, MACHO_X64",
            "com/sun/jna/darwin-aarch64/libjnidispatch.jnilib, MACHO_ARM64"})
    void nettysTransportsAndJnaAreThereForTheirCpu(String name, String cpu) throws IOException {
        assertThat(machine(name)).as(name).isEqualTo(expected(cpu));
    }

    @Test
    void eachDesktopsJavaFxClassesAreThere() {
        for (String c : List.of("com/sun/glass/ui/gtk/GtkApplication.class", "com/sun/glass/ui/win/WinApplication.class",
                "com/sun/glass/ui/mac/MacApplication.class", "com/sun/prism/d3d/D3DPipeline.class",
                "io/netty/channel/epoll/EpollSocketChannel.class", "io/netty/channel/kqueue/KQueueSocketChannel.class")) {
            assertThat(jar.getEntry(c)).as(c).isNotNull();
        }
    }

    @Test
    void noUnixLibraryAtTheRootWhereJavaFxWouldTakeItForAnyCpu() {
        assertThat(jar.stream().map(ZipEntry::getName).filter(n -> !n.contains("/") && (n.endsWith(".so") || n.endsWith(".dylib"))))
                .isEmpty();
    }

    @Test
    void startsFromTheJarAloneAndLoadsJavaFxFromItsOwnFolder(@TempDir Path dir) throws Exception {
        var platform = JavaFxNatives.platform(System.getProperty("os.name"), System.getProperty("os.arch"));
        assumeTrue(platform.isPresent(), "this OS keeps JavaFX's own lookup");
        Path cache = dir.resolve("cache");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-Djavafx.verbose=true", "-Djavafx.cachedir=" + cache,
                "-Droundtrip.home=" + dir.resolve("home"), "-jar", JAR.toString(), "--smoke", "--headless").redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes(); // ends when the app exits
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("first frame").contains("Loaded " + cache.resolve(platform.get()));
    }

    private static int expected(String cpu) {
        switch (cpu) {
            case "ELF_X64": return ELF_X64;
            case "ELF_AARCH64": return ELF_AARCH64;
            case "MACHO_X64": return MACHO_X64;
            case "MACHO_ARM64": return MACHO_ARM64;
            case "PE_X64": return PE_X64;
            default: throw new IllegalArgumentException(cpu);
        }
    }

    /** The CPU a native library was built for, from its header; fails when the entry is missing or not a library. */
    private static int machine(String name) throws IOException {
        ZipEntry e = jar.getEntry(name);
        assertThat(e).as("%s in %s", name, JAR).isNotNull();
        byte[] h;
        try (InputStream in = jar.getInputStream(e)) {
            h = in.readNBytes(4096);
        }
        if (h[0] == 0x7f && h[1] == 'E' && h[2] == 'L' && h[3] == 'F') return u16(h, 18);
        if (u32(h, 0) == 0xFEEDFACF) return u32(h, 4);
        if (h[0] == 'M' && h[1] == 'Z') {
            int pe = u32(h, 0x3C);
            assertThat(new String(h, pe, 4, StandardCharsets.ISO_8859_1)).as(name).isEqualTo("PE\0\0");
            return u16(h, pe + 4);
        }
        throw new AssertionError(name + " is not an ELF, Mach-O or PE library");
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static int u32(byte[] b, int at) {
        return u16(b, at) | u16(b, at + 2) << 16;
    }
}
