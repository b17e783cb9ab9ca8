package dev.roundtrip.ui.exchanges;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.ui.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExchangeListViewModelTest {
    private final ExchangeListViewModel vm = new ExchangeListViewModel();
    private final List<Exchange> all = Fixtures.classroom().exchanges();

    @Test
    void oneRowPerExchangeWithWhatTheTableShows() {
        vm.update(all);
        assertThat(vm.rows()).extracting(ExchangeRow::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(vm.rows().get(0)).extracting(ExchangeRow::method, ExchangeRow::target, ExchangeRow::status)
                .containsExactly("GET", "/users/1", "200");
        assertThat(vm.rows().get(5).status()).isEqualTo("held");
        assertThat(vm.rows().get(5).time()).as("still running").isEqualTo("…");
        assertThat(vm.indexOf(4)).isEqualTo(3);
        assertThat(vm.indexOf(99)).isEqualTo(-1);
    }

    @Test
    void anUnchangedExchangeKeepsItsRowAndAShorterListDropsTheRest() {
        vm.update(all);
        ExchangeRow first = vm.rows().get(0);
        int[] changes = {0};
        vm.rows().addListener((javafx.collections.ListChangeListener<ExchangeRow>) c -> changes[0]++);
        vm.update(all);
        assertThat(vm.rows().get(0)).isSameAs(first);
        assertThat(changes[0]).as("nothing grew: the list is not touched").isZero();
        vm.update(all.subList(2, 4));
        assertThat(vm.rows()).extracting(ExchangeRow::id).containsExactly(3L, 4L);
    }

    @Test
    void clearStartsOver() {
        vm.update(all);
        vm.clear();
        assertThat(vm.rows()).isEmpty();
        Recording empty = new Recording(java.time.Instant.EPOCH);
        vm.update(empty.exchanges());
        assertThat(vm.rows()).isEmpty();
    }
}
