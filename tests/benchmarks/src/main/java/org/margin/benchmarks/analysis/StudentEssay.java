package org.margin.benchmarks.analysis;

/**
 * A student's argumentative essay of about 1,000 words, the size the speed target is set for. It is written
 * the way students write: contractions, numbers, quotations, hyphenated words, a few names and abbreviations,
 * sentences from four words to forty, and the odd repeated opening.
 */
final class StudentEssay {

    static final String TEXT = """
            Should Schools Replace Printed Textbooks with Tablets?

            Every September, millions of students carry backpacks that weigh more than a small dog. In my school \
            the average bag weighs about 9 kilograms, and at least three of my friends have been told by a doctor \
            to carry less. It's no wonder that many people now argue that schools should replace printed \
            textbooks with tablets. Supporters say tablets are lighter, cheaper in the long run, and better suited \
            to the way young people already read. Critics answer that screens distract students, that the \
            devices break, and that reading on paper helps us remember more. In this essay I will argue that \
            tablets should replace most textbooks, but only if schools plan carefully for their weaknesses.

            The first and most obvious argument is about weight. A single tablet weighs less than one history \
            book, yet it can hold every book a student needs for the whole year. Physiotherapists have warned for \
            years that heavy bags cause back pain in teenagers, and a lighter bag is a simple way to prevent it. \
            When I asked twenty classmates what they would change about school, eleven of them mentioned their \
            bags before anything else. That's not a scientific survey, of course, but it shows how much the \
            problem matters to the people who actually live with it.

            The second argument is cost. At first a tablet seems far more expensive than a book. However, \
            printed textbooks go out of date quickly, especially in science and geography, and schools spend \
            thousands of dollars every few years to buy new editions. Digital books can be updated overnight at \
            little or no cost. One district in Texas reported that it saved nearly 30 percent on materials in \
            its third year after switching, because it no longer had to replace lost or damaged books. If the \
            money saved is spent on teachers and libraries, everybody benefits.

            Some people also argue that tablets are better for the environment, because schools would print \
            fewer books. This claim is less simple than it sounds. Making a tablet requires rare metals, a great \
            deal of energy, and factories on the other side of the world, while a printed book can be used by \
            five or six students before it falls apart. A fair comparison has to count the whole life of each \
            product, from the mine or the forest to the recycling bin. Researchers who have tried to do this \
            usually conclude that a tablet only wins if it is used for several years and replaces dozens of \
            books. So the environmental argument depends, once again, on how carefully schools manage the change.

            Tablets also change the way students learn, not just what they carry. A biology textbook can show a \
            diagram of the heart, but a tablet can show the heart beating, let students rotate it, and quiz them \
            on each chamber. A language app can pronounce words that a dictionary can only spell. Students who \
            struggle with reading can make the text larger, listen to it aloud, or look up a word without \
            leaving the page. For these students, a tablet isn't a luxury; it's the difference between keeping \
            up and falling behind. Teachers, too, can see at a glance which questions the class found hard and \
            change tomorrow's lesson accordingly.

            On the other hand, the critics raise serious points that deserve an honest answer. The strongest is \
            distraction. A tablet that can open a textbook can also open a game, a video or a group chat, and \
            even well-behaved students find it hard to resist a notification. Several studies have found that \
            people remember less of what they read on a screen than what they read on paper, perhaps because \
            they skim instead of reading slowly. My own experience agrees: when I revise for a test, I still \
            print my notes, because I concentrate better with a pen in my hand.

            There are practical problems as well. Devices break, batteries die, and software crashes at the \
            worst possible moment. Not every family has reliable internet at home, so a student who can't \
            download tonight's reading is at a real disadvantage. Schools would also need staff to repair and \
            update hundreds of machines, and someone would have to pay for that. Finally, some parents worry \
            that children already spend too much time looking at screens, and that school should be the one \
            place where they don't.

            None of these problems is impossible to solve. Schools can install software that blocks games and \
            social media during lessons, as many already do on their computers. They can buy sturdy cases, keep \
            spare devices in the library, and let students download the week's material while they are still \
            at school. Teachers can decide that some tasks, such as long reading assignments or exam revision, \
            should still be done on paper. In other words, the choice isn't between tablets and books; it is \
            about using each one for what it does best.

            It is also worth remembering that the printed textbook was itself a new technology once. When \
            cheap books first arrived in classrooms, some teachers feared that students would stop memorizing \
            and stop listening. Those fears were not entirely wrong, but the benefits turned out to be far \
            greater than the costs. I believe the same will be true of tablets, provided that we introduce them \
            slowly, train teachers properly, and listen to students about what works and what doesn't.

            In conclusion, tablets should replace most printed textbooks in secondary schools. They are \
            lighter, cheaper over time, easier to keep up to date, and able to help students who find ordinary \
            books difficult. The risks are real, especially distraction and unequal access at home, but careful \
            planning can reduce them. A good school doesn't choose technology because it is new or reject it \
            because it is unfamiliar. It asks whether the change will help students learn, and in this case \
            the answer, on balance, is yes. Our backs, our budgets and our grades would all be better for it.
            """;

    private StudentEssay() {
    }
}
