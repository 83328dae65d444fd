package org.margin.e2e.leak;

import java.util.List;

/** A student essay with made-up personal data planted in it. */
public record PlantedEssay(String text, List<PlantedValue> planted) {

    public PlantedEssay {
        planted = List.copyOf(planted);
        for (PlantedValue value : planted) {
            if (!text.contains(value.value())) {
                throw new IllegalArgumentException("a planted value is missing from its essay");
            }
        }
    }

    public PlantedValue first(PlantedValue.Kind kind) {
        return planted.stream().filter(value -> value.kind() == kind).findFirst().orElseThrow();
    }

    /** Three essays, each with a student's name, e-mail address, phone number, SSN and street address. */
    public static List<PlantedEssay> samples() {
        return List.of(
                essay("Thessaly Quenneville", "thessaly.quenneville@brightmail.example", "(503) 555-0187",
                        "536-22-8471", "1847 Larkspur Hollow Road",
                        """
                        My name is %1$s and I live at %5$s, Bramblefield, OR 97321. Last spring our class \
                        planted a garden behind the gym. We grew beans, squash and sunflowers taller than my dad. \
                        Every Friday I watered the rows and wrote down how much each plant had grown.

                        If you want the seed list, email me at %2$s or call %3$s after school. My mom made me \
                        learn my social security number, %4$s, in case I ever get lost, but I know I should not \
                        write it here. The garden taught me patience, because nothing grows faster when you stare \
                        at it."""),
                essay("Oluwaseun Brackwater", "oluwaseun.brackwater@schoolmail.example", "617-555-0142",
                        "412-73-9056", "27 Quillfeather Lane",
                        """
                        Dear Ms. Hart, this is %1$s from period three. I am writing about the field trip to the \
                        science museum. My address for the permission slip is %5$s, Medford, MA 02155, and my \
                        home phone is %3$s.

                        I also had to fill in a form that asked for my SSN, %4$s, which seemed strange for a \
                        museum. Please reply to %2$s if anything is missing. The planetarium show was the best \
                        part: I never knew that some stars we see have already burned out."""),
                essay("Zephyrine Acheampong", "z.acheampong@inbox.example", "(312) 555-0199", "287-64-1935",
                        "9 Wexcombe Terrace",
                        """
                        About me. I am %1$s and I am twelve years old. I moved to %5$s, Oak Park, IL 60302 \
                        last year, and at first I did not know anyone.

                        Now I have friends who call me at %3$s to ask about homework, and my cousin writes to %2$s \
                        every week. When the school nurse asked for my social security number I said %4$s without \
                        thinking. Moving was hard, but I learned that a new place becomes home one friend at a \
                        time."""));
    }

    private static PlantedEssay essay(String name, String email, String phone, String ssn, String address,
                                      String template) {
        return new PlantedEssay(template.formatted(name, email, phone, ssn, address), List.of(
                new PlantedValue(PlantedValue.Kind.NAME, name),
                new PlantedValue(PlantedValue.Kind.EMAIL, email),
                new PlantedValue(PlantedValue.Kind.PHONE, phone),
                new PlantedValue(PlantedValue.Kind.SSN, ssn),
                new PlantedValue(PlantedValue.Kind.STREET_ADDRESS, address)));
    }
}
