package org.margin.privacy.pii.recognizer;

import org.margin.privacy.pii.EntityType;
import org.margin.privacy.pii.Finding;
import org.margin.privacy.pii.FindingSink;
import org.margin.privacy.pii.Recognizer;
import org.margin.privacy.pii.text.Phrases;
import org.margin.privacy.pii.text.ScanText;
import org.margin.privacy.pii.text.WordSet;
import org.margin.privacy.pii.text.Words;

/**
 * Names of people, from evidence that a rule can weigh without a statistical model:
 *
 * <ul>
 *   <li>shape: runs of capitalised words on one line, with initials (J.) and particles (de, van, bin) inside;</li>
 *   <li>gazetteers: whether each word is a known first or last name, and whether it is a common English word
 *       (Rose, Will and Hunter are both, Wisdom only the latter);</li>
 *   <li>position: a capital at the start of a sentence says nothing;</li>
 *   <li>context: honorifics (Mr, Dr), introductions (my name is, Dear, named, call me) raise the score; place
 *       prepositions (in, from) lower it; an organisation or street word after the run (Inc, University, Street)
 *       rules it out.</li>
 * </ul>
 *
 * After a strong introduction ("my name is") a lower-case word is taken too, as children often write their own
 * names that way.
 */
public final class PersonRecognizer implements Recognizer {

    private static final int MAX_WORDS = 5;

    private static final WordSet HONORIFICS = WordSet.of(
            "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "madam", "madame", "dame", "lady",
            "lord", "rev", "reverend", "fr", "father", "sister", "brother", "aunt", "auntie", "uncle", "grandma",
            "grandpa", "coach", "captain", "capt", "sgt", "sergeant", "officer", "judge", "senator", "mme", "mlle",
            "herr", "frau", "señor", "señora", "sr", "sra", "don", "doña", "signor", "signora", "king", "queen",
            "prince", "princess", "president", "governor", "mayor", "pastor", "rabbi", "imam", "nurse", "teacher");

    private static final WordSet PARTICLES = WordSet.of(
            "de", "del", "della", "der", "den", "van", "von", "da", "di", "dos", "das", "do", "du", "la", "le",
            "bin", "ibn", "al", "el", "ben", "ter", "te", "zu", "y", "e", "af", "mac", "st");

    /** Words that end an organisation, a place or a street name; a run followed by one is not a person. */
    private static final WordSet NON_PERSON_HEADS = WordSet.of(
            "inc", "ltd", "llc", "llp", "plc", "corp", "corporation", "company", "co", "group", "gmbh", "ag", "sa",
            "university", "college", "school", "academy", "institute", "hospital", "church", "bank", "foundation",
            "association", "society", "club", "orchestra", "band", "museum", "library", "council", "department",
            "street", "st", "avenue", "ave", "road", "rd", "lane", "ln", "drive", "boulevard", "blvd", "way",
            "court", "place", "square", "park", "bridge", "river", "lake", "mountain", "mountains", "island",
            "islands", "city", "county", "state", "province", "republic", "kingdom", "airport", "station",
            "hotel", "restaurant", "cafe", "center", "centre", "mall", "stadium", "studios", "records", "press",
            "times", "news", "post", "magazine", "airlines", "motors", "systems", "technologies", "solutions",
            "partners", "holdings", "industries", "international", "services", "ministry", "agency", "office",
            "act", "treaty", "war", "day", "prize", "award", "cup", "league", "festival");

    /** Capitalised words that are never names: pronouns, days, months, titles of address used alone. */
    private static final WordSet NEVER_NAMES = WordSet.of(
            "i", "i'm", "i'll", "i've", "i'd", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december", "god", "mom", "mum", "dad", "ok", "okay", "hi", "hello", "dear",
            "thanks", "yes", "no", "english", "french", "spanish", "german", "american", "british", "christmas",
            "easter", "internet", "tv", "user", "bot", "name", "phone", "email", "e", "mail", "address", "date",
            "website", "mobile", "desk", "fax", "zip", "street", "personal", "info", "apt", "suite", "unit");

    private static final Phrases STRONG_CUES = Phrases.of(
            "my name is", "name is", "named", "name", "names", "called", "call me", "calls me", "dear", "signed",
            "sincerely", "regards", "name's", "i am", "i'm", "this is", "it's", "it is", "under", "partner",
            "guardian", "mother", "father", "son", "daughter", "wife", "husband", "friend", "classmate",
            "teacher", "brother", "sister", "cousin", "grandmother", "grandfather", "maiden name is", "aka",
            "nicknamed", "known as", "student", "tutor", "from", "to", "with", "by", "cc", "love", "hi", "hello",
            "hey", "thanks", "thank you", "congratulations", "ask", "tell", "meet", "met", "and", "or", "said",
            "says", "asked", "told", "starring", "directed by", "founded by", "written by", "heard", "follow up with");
    private static final Phrases INTRODUCTIONS = Phrases.of(
            "my name is", "name is", "named", "called", "call me", "calls me", "name's", "maiden name is", "name",
            "nicknamed", "known as", "i am", "i'm", "this is", "dear");
    private static final Phrases PLACE_CUES = Phrases.of(
            "in", "at", "near", "into", "visit", "visited", "visiting", "across", "toward", "towards", "via",
            "of", "the", "a", "an", "on");
    private static final Phrases AFTER_CUES = Phrases.of(
            "said", "says", "told", "asked", "replied", "wrote", "is a", "was a", "who", "and her", "and his",
            "smiled", "laughed", "cried", "shouted", "whispered", "thinks", "thought", "wants", "likes", "loves",
            "has", "had", "did", "does", "will", "would", "can", "could");

    @Override
    public String name() {
        return "person";
    }

    @Override
    public void recognize(ScanText scan, FindingSink sink) {
        Words words = scan.words();
        WordSet names = NameLexicon.personNames();
        WordSet english = NameLexicon.commonEnglish();
        int count = words.count();
        int w = 0;
        while (w < count) {
            boolean introduced = INTRODUCTIONS.endsBefore(words, w, 0);
            if (!startsRun(words, w, names, english, introduced)) {
                w++;
                continue;
            }
            int last = runEnd(words, w, names, english, introduced);
            double score = score(scan, words, w, last, names, english, introduced);
            if (score > 0) {
                sink.accept(new Finding(words.start(w), words.end(last), EntityType.PERSON, Math.min(1.0, score),
                        name()));
            }
            w = last + 1;
        }
    }

    private static boolean startsRun(Words words, int w, WordSet names, WordSet english, boolean introduced) {
        if (!words.isAlphabetic(w) || words.in(w, NEVER_NAMES)) {
            return false;
        }
        if (words.isCapitalized(w) || isInitial(words, w)) {
            return true;
        }
        if (words.isAllUpper(w) && words.length(w) > 1) {
            return words.in(w, names) && !words.in(w, english);
        }
        return introduced && words.isAllLower(w) && !words.in(w, english)
                && (words.in(w, names) || words.length(w) > 2);
    }

    /** Index of the last word of the run that starts at {@code first}. */
    private static int runEnd(Words words, int first, WordSet names, WordSet english, boolean introduced) {
        int last = first;
        int taken = 1;
        int next = first + 1;
        while (next < words.count() && taken < MAX_WORDS) {
            if (!joined(words, next - 1, next)) {
                break;
            }
            if (words.isAlphabetic(next) && !words.in(next, NEVER_NAMES) && (words.isCapitalized(next)
                    || isInitial(words, next)
                    || words.isAllUpper(next) && words.isAllUpper(last) && words.length(next) > 1
                    || introduced && words.isAllLower(next) && words.isAllLower(last) && !words.in(next, english)
                    && words.in(next, names))) {
                last = next;
                taken++;
                next++;
            } else if (words.in(next, PARTICLES) && words.isAllLower(next) && next + 1 < words.count()
                    && joined(words, next, next + 1) && words.isCapitalized(next + 1)) {
                next++;
            } else {
                break;
            }
        }
        return last;
    }

    /** Two words of one name: on one line, separated by a space, a hyphen, or the full stop of an initial. */
    private static boolean joined(Words words, int left, int right) {
        String text = words.text();
        int gapStart = words.end(left);
        int gapEnd = words.start(right);
        if (gapEnd - gapStart == 1) {
            char c = text.charAt(gapStart);
            return c == ' ' || c == '-' || c == '\u00a0';
        }
        return gapEnd - gapStart == 2 && text.charAt(gapStart) == '.' && text.charAt(gapStart + 1) == ' '
                && isInitial(words, left);
    }

    private static boolean isInitial(Words words, int w) {
        String text = words.text();
        return words.length(w) == 1 && words.isUpperInitial(w) && words.end(w) < text.length()
                && text.charAt(words.end(w)) == '.';
    }

    private double score(ScanText scan, Words words, int first, int last, WordSet names, WordSet english,
            boolean introduced) {
        if (last + 1 < words.count() && words.in(last + 1, NON_PERSON_HEADS) && words.isUpperInitial(last + 1)
                && words.spaceBetween(last, last + 1)) {
            return 0;
        }
        int known = 0;
        int ambiguous = 0;
        int unknown = 0;
        int plain = 0;
        for (int w = first; w <= last; w++) {
            if (isInitial(words, w)) {
                continue;
            }
            boolean name = words.in(w, names);
            boolean common = words.in(w, english);
            if (name && !common) {
                known++;
            } else if (name) {
                ambiguous++;
            } else if (!common) {
                unknown++;
            } else {
                plain++;
            }
        }
        int length = known + ambiguous + unknown + plain;
        if (length == 0) {
            return 0;
        }
        boolean sentenceStart = words.isSentenceStart(first);
        double score;
        if (length >= 2) {
            if (plain == 0 && known >= 1) {
                score = 0.85;
            } else if (plain == 0) {
                score = 0.6;
            } else if (known + ambiguous >= length - 1 && known >= 1) {
                score = 0.5;
            } else {
                score = 0.15;
            }
        } else if (known == 1) {
            score = sentenceStart ? 0.5 : 0.65;
        } else if (unknown == 1) {
            score = sentenceStart ? 0.3 : 0.45;
        } else if (ambiguous == 1) {
            score = sentenceStart ? 0.15 : 0.35;
        } else {
            score = 0.05;
        }
        if (first > 0 && words.in(first - 1, HONORIFICS) && words.spaceBetween(first - 1, first)
                || first > 0 && words.in(first - 1, HONORIFICS) && words.onlyBetween(first - 1, first, ". ")) {
            score += 0.45;
        } else if (introduced) {
            score += 0.4;
        } else if (STRONG_CUES.endsBefore(words, first, 0)) {
            score += 0.15;
        } else if (PLACE_CUES.endsBefore(words, first, 0)) {
            score -= 0.2;
        }
        if (possessiveAfter(words, last) || last + 1 < words.count() && AFTER_CUES.startsAt(words, last + 1)) {
            score += 0.1;
        }
        return score;
    }

    private static boolean possessiveAfter(Words words, int last) {
        String text = words.text();
        int end = words.end(last);
        return end + 1 < text.length() && (text.charAt(end) == '\'' || text.charAt(end) == '\u2019')
                && (text.charAt(end + 1) == 's' || text.charAt(end + 1) == 'S');
    }
}
