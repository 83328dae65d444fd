package org.margin.load;

import java.time.Duration;

import org.margin.store.Store;
import org.margin.store.StoreUnavailableException;
import org.margin.store.tenant.TenantId;

/** The institution a load run's LMS source belongs to, registered as an onboarding would. */
final class LoadInstitution {

    private LoadInstitution() {
    }

    /** Registers it once the database answers (up to two minutes); one registered before is left as it is. */
    static void register(Store store, TenantId tenant, String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            try {
                store.institutions().register(tenant, name);
                return;
            } catch (StoreUnavailableException starting) {
                if (System.nanoTime() > deadline) {
                    throw starting;
                }
                Thread.sleep(500);
            } catch (RuntimeException alreadyThere) {
                return;
            }
        }
    }
}
