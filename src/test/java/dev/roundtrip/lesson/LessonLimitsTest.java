package dev.roundtrip.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every limit of a lesson file is checked before SnakeYAML reads it, and named in plain words at
 * its place. The timeouts only guard against a hang; they assert nothing about speed.
 */
class LessonLimitsTest {
    @TempDir
    Path dir;

    private List<String> errorsOf(String fileName, byte[] content) throws Exception {
        Path f = dir.resolve(fileName);
        Files.write(f, content);
        LessonSet set = LessonLoader.loadFiles(List.of(f));
        assertThat(set.lessons()).isEmpty();
        return set.errors().stream().map(e -> e.toString().substring(f.toString().length())).toList();
    }

    private List<String> errorsOf(String fileName, String text) throws Exception {
        return errorsOf(fileName, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aTwentyMegabyteLineIsRefusedByItsLengthBeforeYamlReadsIt() throws Exception {
        String line = "title: " + "a".repeat(20 * 1024 * 1024 - 7);
        assertThat(errorsOf("01-long.yaml", "id: 01-long\nlevel: beginner\n" + line + "\ngoals: [x]\n")).containsExactly(
                ":3:10001: line 3 is 20,971,520 characters long; a lesson line may have at most 10,000");
    }

    @Test
    void aLineJustWithinTheLimitIsFine() {
        String text = "id: 01-ok\ntitle: \"" + "a".repeat(LessonLoader.MAX_LINE_LENGTH - 9) + "\"\nlevel: beginner\ngoals: [x]\n"
                + "steps:\n  - narration: hi\n";
        assertThat(text.lines().mapToInt(String::length).max().orElseThrow()).isEqualTo(LessonLoader.MAX_LINE_LENGTH);
        LessonSet set = LessonLoader.loadText("01-ok.yaml", "01-ok.yaml", text);
        assertThat(set.errors()).isEmpty();
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWithoutReadingIt() throws Exception {
        Path f = dir.resolve("01-huge.yaml");
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
            r.setLength(LessonLoader.MAX_FILE_BYTES + 1024 * 1024);
        }
        LessonSet set = LessonLoader.loadFiles(List.of(f));
        assertThat(set.errors()).extracting(LessonError::toString).containsExactly(
                f + ": the file is 33 MiB, larger than the 32 MiB limit for lesson files; refused without reading it");
    }

    @Test
    void tooManyCharactersAreNamedWhereTheLimitIsPassed() throws Exception {
        String line = "# " + "x".repeat(998) + "\n"; // 1000 characters and a break
        List<String> errors = errorsOf("01-many.yaml", "id: 01-many\n" + line.repeat(1001));
        assertThat(errors).singleElement().asString().startsWith(":1000:991:").endsWith(
                ": the file has more than 1,000,000 characters (here the limit is passed); a lesson file may have at most 1,000,000");
    }

    @Test
    void utf16IsCalledUtf16() throws Exception {
        assertThat(errorsOf("01-wide.yaml", "id: 01-wide\n".getBytes(StandardCharsets.UTF_16)))
                .containsExactly(": the file is UTF-16 (big-endian) text; save it as UTF-8");
        assertThat(errorsOf("01-wide.yaml", "id: 01-wide\n".getBytes(StandardCharsets.UTF_16LE)))
                .containsExactly(": the file is UTF-16 (little-endian) text; save it as UTF-8");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void deepNestingIsNamedAtTheLevelThatGoesTooDeep() throws Exception {
        String text = "id: 01-deep\ntitle:\n" + "- ".repeat(1000) + "x\n";
        assertThat(errorsOf("01-deep.yaml", text)).containsExactly(
                ":3:59: lists and mappings are nested more than 30 levels deep; a lesson may nest at most 30 (it needs 7)");
    }

    @Test
    void aliasesAreLimited() throws Exception {
        StringBuilder b = new StringBuilder("id: 01-alias\ngoals: &g [a, b]\nsteps:\n");
        for (int i = 0; i < 25; i++) b.append("  - narration: *g\n");
        assertThat(errorsOf("01-alias.yaml", b.toString())).containsExactly(
                ": more than 20 aliases (*name) to lists or mappings; a lesson may use at most 20 (write the text out instead)");
    }
}
