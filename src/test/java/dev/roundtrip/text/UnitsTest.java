package dev.roundtrip.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {
    @ParameterizedTest(name = "{0} ns = {1}")
    @CsvSource(delimiter = '|', value = {
        "0             | 0 ns",
        "812           | 812 ns",
        "999           | 999 ns",
        "1000          | 1 µs",
        "1004          | 1 µs",
        "1005          | 1.01 µs",
        "4500          | 4.5 µs",
        "9994          | 9.99 µs",
        "9995          | 10 µs",
        "48000         | 48 µs",
        "86420         | 86.4 µs",
        "99949         | 99.9 µs",
        "99950         | 100 µs",
        "999499        | 999 µs",
        "999500        | 1 ms",
        "999999        | 1 ms",
        "1000000       | 1 ms",
        "1234000       | 1.23 ms",
        "12345678      | 12.3 ms",
        "318940000     | 319 ms",
        "999499999     | 999 ms",
        "999500000     | 1 s",
        "1000000000    | 1 s",
        "1500000000    | 1.5 s",
        "72000000000   | 72 s",
        "3600000000000 | 3600 s",
        "-1            | …",
    })
    void durations(long nanos, String shown) {
        assertThat(Units.duration(nanos)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0} B = {1}")
    @CsvSource(delimiter = '|', value = {
        "0             | 0 B",
        "78            | 78 B",
        "1023          | 1023 B",
        "1024          | 1 KiB",
        "1536          | 1.5 KiB",
        "10234         | 9.99 KiB",
        "12800         | 12.5 KiB",
        "102400        | 100 KiB",
        "524288        | 512 KiB",
        "1048063       | 1023 KiB",
        "1048064       | 1 MiB",
        "1048575       | 1 MiB",
        "1048576       | 1 MiB",
        "1572864       | 1.5 MiB",
        "209715200     | 200 MiB",
        "1073741823    | 1 GiB",
        "5368709120    | 5 GiB",
        "2199023255552 | 2048 GiB",
    })
    void sizes(long bytes, String shown) {
        assertThat(Units.bytes(bytes)).isEqualTo(shown);
    }

    @Test
    void aNegativeSizeIsABug() {
        assertThatThrownBy(() -> Units.bytes(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void millisecondsSettingsFollowTheSameRules() {
        assertThat(Units.millis(300)).isEqualTo("300 ms");
        assertThat(Units.millis(1000)).isEqualTo("1 s");
        assertThat(Units.millis(1500)).isEqualTo("1.5 s");
        assertThat(Units.millis(0)).isEqualTo("0 ns");
    }

    @Test
    void counts() {
        assertThat(Units.count(0, "read")).isEqualTo("0 reads");
        assertThat(Units.count(1, "read")).isEqualTo("1 read");
        assertThat(Units.count(3, "SQL call")).isEqualTo("3 SQL calls");
    }
}
