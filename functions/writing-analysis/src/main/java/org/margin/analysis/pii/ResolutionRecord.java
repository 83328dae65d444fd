package org.margin.analysis.pii;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.margin.audit.entry.Actor;
import org.margin.audit.entry.AdministrativeAction;
import org.margin.privacy.pii.EntityType;
import org.margin.privacy.redaction.TokenResolution;

/**
 * The audit entry of one {@code resolve_pii_tokens} call: action {@code pii_tokens.resolved}, the administrator as
 * actor, and as target how many tokens were resolved and rejected and how many of each type were resolved, such as
 * {@code resolved:3/rejected:1/email:1/person:2}. Never a value or a token. Types are written as short codes so
 * that a call resolving every type still fits the 200 characters of a target.
 */
final class ResolutionRecord {

    static final String ACTION = "pii_tokens.resolved";

    private ResolutionRecord() {
    }

    static AdministrativeAction of(Instant at, Actor administrator, List<TokenResolution> outcomes) {
        Map<EntityType, Integer> byType = new EnumMap<>(EntityType.class);
        int rejected = 0;
        for (TokenResolution outcome : outcomes) {
            switch (outcome) {
                case TokenResolution.Resolved resolved -> byType.merge(resolved.type(), 1, Integer::sum);
                case TokenResolution.Rejected ignored -> rejected++;
            }
        }
        StringBuilder target = new StringBuilder("resolved:").append(outcomes.size() - rejected)
                .append("/rejected:").append(rejected);
        byType.forEach((type, count) -> target.append('/').append(code(type)).append(':').append(count));
        return new AdministrativeAction(at, administrator, ACTION, target.toString());
    }

    static String code(EntityType type) {
        return switch (type) {
            case US_SSN -> "ssn";
            case CREDIT_CARD -> "card";
            case IBAN_CODE -> "iban";
            case EMAIL_ADDRESS -> "email";
            case IP_ADDRESS -> "ip";
            case URL -> "url";
            case PHONE_NUMBER -> "phone";
            case INSTITUTION_ID -> "institution_id";
            case US_DRIVER_LICENSE -> "driver_license";
            case DOMAIN_NAME -> "domain";
            case DATE_TIME -> "date";
            case STREET_ADDRESS -> "address";
            case ZIP_CODE -> "zip";
            case AGE -> "age";
            case PERSON -> "person";
        };
    }
}
