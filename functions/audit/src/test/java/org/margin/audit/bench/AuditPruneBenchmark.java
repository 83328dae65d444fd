package org.margin.audit.bench;

import java.nio.file.Path;
import org.margin.audit.AuditDatabase;
import org.margin.audit.prune.AuditPruner;
import org.margin.audit.prune.Pruning;
import org.margin.audit.verify.AuditVerifier;
import org.margin.audit.verify.Verification;
import org.margin.store.tenant.TenantId;

/**
 * Time to prune a chain of N entries (default 1,000,000), all recorded in 2018 (older than the seven-year default
 * period), with a signed checkpoint every K (default 100,000), in a fresh embedded PostgreSQL under DIRECTORY:
 * {@link AuditPruner#prune} whole (prune point, verifying the chain, the compact range, {@code audit_prune}), then
 * the verification of what is left.
 *
 * <p>Arguments: DIRECTORY [N [K]].
 */
public final class AuditPruneBenchmark {

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        int entries = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int every = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        AuditDatabase db = AuditDatabase.in(directory);
        TenantId tenant = TenantId.random();
        long started = System.nanoTime();
        AuditVerifyBenchmark.generate(db, tenant, entries, every, "2018-01-01 08:00:00+00");
        System.out.printf("generated %,d entries in %.1f s%n", entries, (System.nanoTime() - started) / 1e9);
        AuditVerifier verifier = new AuditVerifier(db.store.auditTrail(), db.checkpointKeys);
        AuditPruner pruner = new AuditPruner(db.store.auditTrail(), verifier);

        long verifyStart = System.nanoTime();
        Verification before = verifier.verify(tenant);
        System.out.printf("verifying alone: %s in %.2f s%n", before, (System.nanoTime() - verifyStart) / 1e9);
        long pruneStart = System.nanoTime();
        Pruning pruned = pruner.prune(tenant);
        System.out.printf("prune: %s in %.2f s%n", pruned, (System.nanoTime() - pruneStart) / 1e9);
        long afterStart = System.nanoTime();
        Verification after = verifier.verify(tenant);
        System.out.printf("verifying after: %s in %.2f s%n", after, (System.nanoTime() - afterStart) / 1e9);
        db.store.close();
        db.database.close();
    }
}
