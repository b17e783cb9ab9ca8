package dev.roundtrip.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.trace.MemoryReadout;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class MemoryProbeTest {
    static volatile Object sink;

    @Test
    void measuresWhatThisThreadAllocatedSinceTheMark() {
        MemoryProbe probe = new MemoryProbe(() -> 5000L);
        Long mark = probe.allocatedMark();
        sink = new byte[4 << 20];
        MemoryReadout m = probe.read(mark);
        assertThat(m.heapUsed()).isPositive();
        if (mark != null) assertThat(m.allocatedBytes()).isGreaterThanOrEqualTo(4L << 20);
        else assertThat(m.allocatedBytes()).isNull();
    }

    @Test
    void directMemoryAddsTheJdkPoolAndTheSuppliedCount() {
        ByteBuffer direct = ByteBuffer.allocateDirect(1 << 20);
        long jdkOnly = new MemoryProbe().directUsed();
        assertThat(jdkOnly).isGreaterThanOrEqualTo(1 << 20);
        assertThat(new MemoryProbe(() -> 7000L).directUsed()).isGreaterThanOrEqualTo(jdkOnly + 7000 - (1 << 16));
        sink = direct;
    }

    @Test
    void whatMeasuringAllocatesIsLeftOut() {
        MemoryProbe probe = new MemoryProbe();
        Long mark = probe.allocatedMark();
        org.junit.jupiter.api.Assumptions.assumeTrue(mark != null, "per-thread allocation is not measurable here");
        probe.excluding(() -> sink = new byte[8 << 20]);
        sink = new byte[1 << 20];
        long allocated = probe.read(mark).allocatedBytes();
        assertThat(allocated).isGreaterThanOrEqualTo(1 << 20).isLessThan(8 << 20);
    }

    @Test
    void noMarkMeansNoAllocationFigure() {
        assertThat(new MemoryProbe().read(null).allocatedBytes()).isNull();
    }
}
