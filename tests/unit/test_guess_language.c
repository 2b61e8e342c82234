/* A booklet's language from its letters (unicode/script.h:
 * oct_guess_language), for notes that name none: scripts of one language,
 * Cyrillic told apart by the letters peculiar to each language, Latin text
 * by its commonest words, and NULL for too few letters or words and for
 * text of mixed scripts.
 * Own sentences, one a language. */
#include "check.h"
#include "unicode/script.h"

#include <stdio.h>
#include <string.h>

static const char *guess(const char *s)
{
    return oct_guess_language(s, strlen(s));
}

static void check_guess(const char *s, const char *want)
{
    const char *got = guess(s);
    if (!want) {
        if (got) fprintf(stderr, "  want none, got %s for: %.40s\n", got, s);
        CHECK(got == NULL);
        return;
    }
    CHECK(got != NULL);
    if (got) CHECK_STR(got, want);
}

int main(void)
{
    /* Russian: ы and э */
    check_guess("Что такое ион? Атом или молекула, которые потеряли или получили электроны. "
                "Это частица с зарядом, и вы можете её измерить.",
                "ru");
    /* Ukrainian: і, ї, є */
    check_guess("Що таке іон? Атом, який втратив або отримав електрони. Чому небо синє? "
                "Тому що повітря розсіює синє світло і ми його бачимо.",
                "uk");
    /* Serbian: ј, љ, њ */
    check_guess("Шта је јон? Атом који је изгубио или добио електроне. Људи њега мере "
                "посебним уређајем у лабораторији.",
                "sr");
    /* Bulgarian: ъ, neither ы nor э */
    check_guess("Какво е йон? Атом, който е загубил или получил електрони. Това е важно, "
                "защото зарядът се пренася в разтвора и във въздуха.",
                "bg");
    check_guess("Τι είναι το ιόν; Ένα άτομο που έχει χάσει ή κερδίσει ηλεκτρόνια και "
                "φέρει φορτίο.",
                "el");
    check_guess("מה זה יון? אטום שאיבד או קיבל אלקטרונים ולכן יש לו מטען חשמלי.", "he");
    check_guess("ما هو الأيون؟ ذرة فقدت أو اكتسبت إلكترونات فأصبح لها شحنة كهربائية.", "ar");
    check_guess("یون چیست؟ اتمی که الکترون گرفته یا از دست داده است و بار پیدا "
                "می‌کند. "
                "گاهی آن را در آزمایشگاه اندازه می‌گیرند.",
                "fa");
    check_guess("什么是光合作用？植物利用光能把二氧化碳和水转化为有机物并释放氧气。"
                "这个过程发生在叶绿体中，需要叶绿素参与。",
                "zh");
    check_guess("光合成とは何ですか？植物が光のエネルギーを使って二酸化炭素と水から有機物を"
                "作ることです。葉緑体の中で行われます。",
                "ja");
    check_guess("광합성이란 무엇인가요? 식물이 빛 에너지를 이용하여 이산화탄소와 물로 "
                "유기물을 만드는 과정입니다.",
                "ko");
    check_guess("การสังเคราะห์ด้วยแสงคืออะไร พืชใช้พลังงานแสงเปลี่ยนคาร์บอนไดออกไซด์และน้ำ"
                "ให้เป็นน้ำตาล",
                "th");
    check_guess("प्रकाश संश्लेषण क्या है? पौधे प्रकाश की ऊर्जा से कार्बन डाइऑक्साइड और पानी "
                "से भोजन बनाते हैं।",
                "hi");
    /* Latin text: its commonest words, when there are enough of them */
    check_guess("Die Photosynthese ist der Vorgang, mit dem die Pflanze aus Licht, Wasser und "
                "Kohlenstoffdioxid den Zucker bildet. Sie findet in den Chloroplasten statt, "
                "die in den Zellen der Blätter liegen. Der Sauerstoff wird dabei an die Luft "
                "abgegeben, und das Chlorophyll ist nicht nur grün, es fängt auch das Licht.",
                "de");
    check_guess("La photosynthèse est le processus par lequel la plante fabrique des sucres "
                "avec la lumière, l'eau et le dioxyde de carbone. Elle a lieu dans les "
                "chloroplastes des feuilles, et le dioxygène est rejeté dans l'air pour "
                "les animaux qui respirent. Les racines puisent l'eau et les sels du sol.",
                "fr");
    check_guess("La fotosíntesis es el proceso por el que las plantas producen azúcar con la "
                "luz, el agua y el dióxido de carbono. Se realiza en los cloroplastos de las "
                "hojas y el oxígeno se libera para los animales que lo respiran con una "
                "regularidad que sorprende por su constancia.",
                "es");
    check_guess("Photosynthesis is the process by which a plant makes sugar from light, water "
                "and carbon dioxide. It takes place in the chloroplasts of the leaves, and the "
                "oxygen that is released is used by the animals that breathe it. This is "
                "why forests are important for the air we breathe.",
                "en");
    check_guess("Fotosynteza to proces, w którym roślina wytwarza cukier ze światła, wody i "
                "dwutlenku węgla. Zachodzi w chloroplastach liści, a tlen jest uwalniany do "
                "powietrza. To jest ważne dla zwierząt, które nim oddychają, i nie ma w tym nic "
                "dziwnego, że lasy są tak cenne dla nas.",
                "pl");
    check_guess("Fotosyntéza je proces, při kterém rostlina vyrábí cukr ze světla, vody a oxidu "
                "uhličitého. Probíhá v chloroplastech listů a kyslík se uvolňuje do vzduchu. To "
                "je důležité pro živočichy, kteří ho dýchají, a proto jsou lesy pro nás tak "
                "cenné. Není to jen zelená barva, je to také život.",
                "cs");
    check_guess("Fotosyntes är den process där växten tillverkar socker av ljus, vatten och "
                "koldioxid. Den sker i kloroplasterna i bladen, och syret som frigörs går ut i "
                "luften. Det är viktigt för djuren som andas det, och det är därför skogen har "
                "ett så stort värde för oss och för klimatet.",
                "sv");
    check_guess("Fotosyntese er den proces, hvor planten laver sukker af lys, vand og "
                "kuldioxid. Den foregår i bladenes grønkorn, og den ilt, som frigives, går ud i "
                "luften. Det er vigtigt for dyrene, som ånder den ind, og derfor er skoven ikke "
                "kun grøn, men også et stort gode for os.",
                "da");
    check_guess("A fotoszintézis az a folyamat, amelyben a növény fényből, vízből és "
                "szén-dioxidból cukrot állít elő. A levelek zöld színtesteiben zajlik, és az "
                "oxigén a levegőbe kerül. Ez azért fontos, mert az állatok ezt lélegzik be, és "
                "nem csak a színe miatt, hanem mert az erdő is nagyon értékes, és ez így van.",
                "hu");
    check_guess("Fotosinteza este procesul prin care planta produce zahăr din lumină, apă și "
                "dioxid de carbon. Are loc în cloroplastele frunzelor, iar oxigenul este "
                "eliberat în aer. Acest lucru este important pentru animalele care îl respiră, "
                "și de aceea pădurile sunt atât de valoroase pentru noi.",
                "ro");
    check_guess("Fotosynteesi on prosessi, jossa kasvi valmistaa sokeria valosta, vedestä ja "
                "hiilidioksidista. Se tapahtuu lehtien viherhiukkasissa, ja vapautuva happi "
                "siirtyy ilmaan. Se on tärkeää eläimille, jotka hengittävät sitä, ja siksi "
                "metsät ovat meille niin arvokkaita. Ei ole ihme, että ne ovat myös kauniita.",
                "fi");
    check_guess("Fotosentez, bitkinin ışık, su ve karbondioksitten şeker ürettiği bir süreçtir. "
                "Bu süreç yaprakların kloroplastlarında gerçekleşir ve açığa çıkan oksijen "
                "havaya karışır. Bu, onu soluyan hayvanlar için çok önemlidir ve bu yüzden "
                "ormanlar bizim için de çok değerlidir. Bir bitki ile bir hayvan arasında da "
                "güçlü bir bağ vardır.",
                "tr");
    /* too few words to tell */
    check_guess("What is an ion? An atom that has gained or lost electrons.", NULL);
    check_guess("Was ist ein Ion? Ein Atom, das Elektronen aufgenommen oder abgegeben hat.", NULL);
    /* code-like text with no common words */
    check_guess("select_related prefetch_related annotate aggregate values_list filter exclude "
                "order_by distinct only defer using raw extra dates datetimes none all",
                NULL);
    /* too few letters */
    check_guess("Что это?", NULL);
    /* English notes with a Russian quotation: mostly Latin */
    check_guess("Notes on chemistry. The Russian word for ion is ион, and for atom атом. "
                "We compare both terms across the textbooks we read this term.",
                NULL);
    /* Cyrillic with no letter peculiar to one language */
    check_guess("Как на катод и на анод, так и на катион и на анион, как и на газ и на "
                "металл, на кабель и на провод.",
                NULL);
    return check_done();
}
