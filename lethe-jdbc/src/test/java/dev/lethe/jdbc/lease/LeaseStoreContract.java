package dev.lethe.jdbc.lease;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.lease.Lease;
import dev.lethe.core.lease.LeaseStore;
import dev.lethe.testsupport.LeaseStoreContractTest;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shared lease contract plus what is particular to JDBC state stores, against a real database per subclass. */
abstract class LeaseStoreContract extends LeaseStoreContractTest {

    abstract String url();

    @Override
    protected LeaseStore openStore() {
        return JdbcLeaseStore.open(url());
    }

    @Test
    void theLeaseTableIsPartOfTheStateStoreSchema() throws Exception {
        try (var history = dev.lethe.jdbc.state.StateStores.open(url())) {
            history.recent(Optional.empty(), 1);
        }
        Lease lease = a.tryAcquire("policy:p", "a", LONG).orElseThrow();

        try (var connection = java.sql.DriverManager.getConnection(url());
             var rows = connection.createStatement().executeQuery("SELECT owner, fencing FROM lethe_leases")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo(lease.owner());
        }
    }

    @Test
    void openingTwiceKeepsTheLeases() {
        Lease lease = a.tryAcquire("policy:p", "a", LONG).orElseThrow();

        assertThat(JdbcLeaseStore.open(url()).holder("policy:p")).contains(lease);
    }
}
