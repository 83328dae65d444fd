package org.margin.privacy.bench;

import java.util.List;

/** A student essay of a given length with personal data planted in it, the same on every run. */
final class Essays {

    private static final List<String> PROSE = List.of(
            "This summer was the best summer of my whole life, and I want to tell you why.",
            "We packed the car early in the morning and drove for hours through fields and small towns.",
            "My little brother kept asking if we were there yet, which made everyone laugh.",
            "When we finally arrived, the lake was bright blue and the air smelled like pine trees.",
            "Every day we swam, built sandcastles, and read books on the dock until the sun went down.",
            "I learned that the best moments are often the quiet ones, like watching the stars at night.",
            "Our teacher says a good essay needs details, so here are some of the details I remember.",
            "The cabin had a creaky porch, a tiny kitchen, and a window that looked out over the water.",
            "One afternoon a storm rolled in, and we played board games while thunder shook the walls.",
            "Looking back, I think the trip taught me to slow down and notice the world around me.");

    private static final List<String> PLANTED = List.of(
            "My name is Maya Lopez and I am 12 years old.",
            "My best friend Jonah Whitfield came with us, and his mom gave me her number, (217) 555-0134.",
            "We stayed at 42 Maple Avenue, Springfield, IL 62704 for two weeks.",
            "My birthday is on March 5, 2012, so we celebrated it at the lake.",
            "You can email me at maya.lopez@example.com if you want to see the photos.",
            "Mr. Okafor, our neighbour, told us stories about his home town every evening.",
            "My student id is S1234567, which I had to write on the permission form.",
            "Dad paid for the boat with his card 4111 1111 1111 1111, which was probably a mistake.");

    private Essays() {
    }

    /** An essay of at least {@code words} words: prose with one planted sentence after every three. */
    static String ofWords(int words) {
        StringBuilder essay = new StringBuilder("My Summer Vacation\n\n");
        int count = 3;
        int prose = 0;
        int planted = 0;
        while (count < words) {
            String sentence = (prose + planted) % 4 == 3
                    ? PLANTED.get(planted++ % PLANTED.size())
                    : PROSE.get(prose++ % PROSE.size());
            essay.append(sentence).append(' ');
            count += sentence.split(" ").length;
            if ((prose + planted) % 8 == 0) {
                essay.append("\n\n");
            }
        }
        return essay.toString().strip();
    }
}
