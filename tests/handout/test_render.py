"""The ReportLab renderer: real PDFs, read back with pypdf and poppler, checked for what a patient must see.

The sample text is the real handout wording (content/handout.yaml, English and Spanish), copied here by hand so
these tests do not depend on the content loader.
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
import sys
import threading
from dataclasses import replace

import pytest
from pypdf import PdfReader

from kiosk import paths
from kiosk.handout.render import render_handout, render_summary
from kiosk.handout.spec import (STYLE_ALERT, Branding, Bullets, Checklist, HandoutSpec, Para, QrCode, Questions,
                                SectionSpec, Steps, SummaryRow, SummarySpec)

TEXT = {'en': {'footer': 'This handout is general information, not a diagnosis. Talk with your care team.',
        'prepared_for': 'Prepared for {name}',
        'questions': ('What could be causing my cramps?',
                      'Could the pain when I walk be about blood flow?',
                      'What is safe for my cramps while I am pregnant?',
                      'Should I have a foot exam or a nerve test?',
                      'Could my medicines play a part in my cramps?',
                      'Should I have my B12 level checked?',
                      'Why do my cramps come at night?',
                      'Why do I feel I must move my legs?',
                      'My cramps come often or last long. What else can help?',
                      'Could my other health problems play a part?',
                      'What exercises are safe for me?',
                      'What else can I do at home to help?',
                      'When should I call you or come back?'),
        'sections': (('tell_the_desk',
                      'alert',
                      'Please tell the front desk today',
                      (('para', 'You told us about:'),
                       ('symptoms',),
                       ('para',
                        'Please show this page at the front desk today. If you feel very unwell, call 911.'))),
                     ('about_cramps',
                      'normal',
                      'Cramps and your nerves',
                      (('para',
                        'A cramp is a muscle that gets tight all of a sudden and hurts. Cramps often come at '
                        'night. Nerves tell your muscles when to tighten and relax. Hurt nerves can send mixed-up '
                        'signals, so cramps may come more often.'),)),
                     ('during_a_cramp',
                      'normal',
                      'During a cramp',
                      (('para', 'These steps may help the muscle let go.'),
                       ('steps',
                        ('Pull your toes up toward your knee. This stretches the muscle.',
                         'Stand and walk a little. Hold on to something steady.',
                         'Gently rub the muscle.'),
                        None))),
                     ('bedtime_routine',
                      'normal',
                      'Before bed',
                      (('para', 'A calf stretch before bed may help. It is low risk.'),
                       ('steps',
                        ('Sit with one leg straight and a towel around the ball of your foot.',
                         'Gently pull the towel so your toes come toward your knee. Hold about 30 seconds. Then '
                         'switch legs.',
                         'Or stand facing a wall. Keep your back leg straight and your heel down.'),
                        'illustrations/calf-stretch-steps.svg'),
                       ('bullets',
                        ('Ride a stationary bike for a few minutes.',
                         'Take a warm bath or shower.',
                         'Keep the covers loose at the foot of the bed.',
                         'Put a pillow under your calves.')))),
                     ('drink_water',
                      'normal',
                      'Drink water',
                      (('para', 'Muscles need water to work well. Drink water through the day and after exercise.'),
                       ('para', 'Did your doctor tell you to drink less? Then follow that advice.'))),
                     ('foot_care',
                      'normal',
                      'Check your feet every day',
                      (('para', 'A quick check each day can catch a small sore early.'),
                       ('checklist',
                        ('Look at your feet every day. A mirror can help.',
                         'Wash your feet and dry them well.',
                         'Use lotion, but not between your toes.',
                         'Never go barefoot.',
                         'Test bath water with your hand or elbow.',
                         'Wear shoes, and socks with no seams.',
                         'Call the clinic about any sore.')))),
                     ('blood_sugar',
                      'normal',
                      'Blood sugar and your nerves',
                      (('para',
                        'Keeping your blood sugar in range helps protect your nerves. Ask your care team what your '
                        'range is.'),
                       ('para', 'Ask about a foot exam every year. It is quick and does not hurt.'))),
                     ('medicines',
                      'normal',
                      'Your medicines',
                      (('para',
                        'Some medicines can make cramps more likely. Examples are statins, water pills and '
                        'beta-blockers. Ask your doctor if yours may play a part.'),
                       ('para',
                        'Do not stop or change any medicine on your own. Bring your medicine list to your '
                        'visit.'))),
                     ('ask_about_b12',
                      'normal',
                      'Ask about vitamin B12',
                      (('para', 'Nerves need vitamin B12. Alcohol and some medicines can make it low.'),
                       ('para',
                        'Ask your doctor whether a B12 blood test is right for you. Ask before you use any vitamin '
                        'or supplement, too.'))),
                     ('alcohol',
                      'normal',
                      'Alcohol and your nerves',
                      (('para',
                        'Alcohol can hurt nerves. It also keeps your body from using vitamins well. Drinking less '
                        'can help, and we can help you cut down.'),)),
                     ('blood_flow',
                      'normal',
                      'Good blood flow',
                      (('para',
                        'Blood brings oxygen and food to your nerves. A walk each day helps blood flow. Not '
                        'smoking helps too. If you smoke, we can help you quit.'),
                       ('para', 'Do your calves hurt when you walk, then ease when you rest? Tell your doctor.'))),
                     ('good_shoes',
                      'normal',
                      'Shoes that help',
                      (('para', 'Good shoes support your feet. This may help with cramps.'),
                       ('bullets',
                        ('Pick shoes that fit well and hold your foot firm.',
                         'Look for a low heel and room for your toes.')))),
                     ('move_more',
                      'normal',
                      'Move a little more',
                      (('para', 'Gentle movement makes muscles stronger. It helps blood flow too.'),
                       ('bullets',
                        ('Take a short walk each day. Then stretch your calves.',
                         'Ask your doctor which exercises are safe for you.')))),
                     ('pregnancy',
                      'normal',
                      'Cramps and pregnancy',
                      (('para',
                        'Leg cramps are common when you are pregnant. Stretching, water and a warm bath may help.'),
                       ('para',
                        'Before you use any supplement or medicine, talk to your pregnancy care provider. Ask what '
                        'is safe for you and your baby.'))),
                     ('tell_your_doctor',
                      'normal',
                      'Tell your doctor about your health',
                      (('para',
                        'You told us about some health problems. Some of them can play a part in cramps or nerve '
                        'pain. Please mention them at your visit.'),)),
                     ('questions_for_your_doctor',
                      'normal',
                      'Questions for your doctor',
                      (('para', 'Bring this page to your visit. You may want to ask:'),)),
                     ('get_help_now',
                      'normal',
                      'Get help right away',
                      (('para', 'Call 911 if you have:'),
                       ('bullets',
                        ('Chest pain, or sudden trouble breathing',
                         'A leg or foot that is suddenly cold, pale or blue, and hurts',
                         'New trouble holding urine or stool, or numbness between the legs')),
                       ('para', 'Call the clinic today if you have:'),
                       ('bullets',
                        ('One leg newly swollen, warm, red or very sore',
                         'An open sore, blister or wound on a foot',
                         'New weakness in a leg, a foot that drags, or new falls',
                         'Very bad muscle pain with dark urine, the color of cola',
                         'Fever with a red, painful leg')))),
                     ('about_the_clinic',
                      'normal',
                      'We are here for you',
                      (('para', 'At {clinic_name}, we can help find the cause of your cramps.'),
                       ('bullets',
                        ('Questions? Call us at {clinic_phone}.',
                         'Come see us: {clinic_address}',
                         'Learn more: {clinic_website}'))))),
        'title': 'Your plan for leg cramps'},
 'es': {'footer': 'Esta hoja es información general, no un diagnóstico. Hable con su equipo de salud.',
        'prepared_for': 'Preparado para {name}',
        'questions': ('¿Qué podría estar causando mis calambres?',
                      '¿El dolor al caminar podría ser por la circulación?',
                      '¿Qué es seguro para mis calambres durante el embarazo?',
                      '¿Debo hacerme un examen de los pies o de los nervios?',
                      '¿Mis medicinas podrían influir en mis calambres?',
                      '¿Debo hacerme un análisis de vitamina B12?',
                      '¿Por qué me dan los calambres de noche?',
                      '¿Por qué siento que tengo que mover las piernas?',
                      'Mis calambres vienen seguido o duran mucho. ¿Qué más puede ayudar?',
                      '¿Mis otros problemas de salud podrían influir?',
                      '¿Qué ejercicios son seguros para mí?',
                      '¿Qué más puedo hacer en casa para sentirme mejor?',
                      '¿Cuándo debo llamarles o volver?'),
        'sections': (('tell_the_desk',
                      'alert',
                      'Por favor, avise hoy en la recepción',
                      (('para', 'Usted nos habló de:'),
                       ('symptoms',),
                       ('para',
                        'Por favor, muestre esta hoja en la recepción. Si se siente muy mal, llame al 911.'))),
                     ('about_cramps',
                      'normal',
                      'Los calambres y sus nervios',
                      (('para',
                        'Un calambre es un músculo que se pone duro de repente y duele. Suelen venir de noche. Los '
                        'nervios les dicen a los músculos cuándo apretarse y soltarse. Un nervio dañado puede '
                        'mandar mensajes errados, y puede haber más calambres.'),)),
                     ('during_a_cramp',
                      'normal',
                      'Durante un calambre',
                      (('para', 'Estos pasos pueden ayudar a que el músculo se suelte.'),
                       ('steps',
                        ('Jale la punta del pie hacia la rodilla. Así estira el músculo.',
                         'Párese y camine un poco. Agárrese de algo firme.',
                         'Dé un masaje suave al músculo.'),
                        None))),
                     ('bedtime_routine',
                      'normal',
                      'Antes de dormir',
                      (('para', 'Estirar la pantorrilla antes de dormir puede ayudar. Es de bajo riesgo.'),
                       ('steps',
                        ('Siéntese con la pierna estirada y una toalla alrededor de la punta del pie.',
                         'Jale la toalla con suavidad, para que los dedos vayan hacia la rodilla. Sostenga unos 30 '
                         'segundos. Luego cambie de pierna.',
                         'O párese frente a una pared, con la pierna de atrás recta y el talón abajo.'),
                        'illustrations/calf-stretch-steps.svg'),
                       ('bullets',
                        ('Pedalee unos minutos en bicicleta fija.',
                         'Báñese con agua tibia.',
                         'No apriete las cobijas al pie de la cama.',
                         'Ponga una almohada bajo las pantorrillas.')))),
                     ('drink_water',
                      'normal',
                      'Tome agua',
                      (('para',
                        'Los músculos necesitan agua para funcionar bien. Tome agua durante el día y después del '
                        'ejercicio.'),
                       ('para', '¿Su médico le dijo que tome menos líquido? Entonces siga ese consejo.'))),
                     ('foot_care',
                      'normal',
                      'Revise sus pies cada día',
                      (('para', 'Revisar los pies cada día ayuda a ver a tiempo una llaga.'),
                       ('checklist',
                        ('Mírese los pies cada día. Un espejo le puede ayudar.',
                         'Lávese los pies y séquelos bien.',
                         'Póngase crema, pero no entre los dedos.',
                         'Nunca ande sin zapatos.',
                         'Pruebe el agua del baño con la mano o el codo.',
                         'Use zapatos, y calcetines sin costuras.',
                         'Llame a la clínica si ve cualquier llaga.')))),
                     ('blood_sugar',
                      'normal',
                      'El azúcar y sus nervios',
                      (('para',
                        'Mantener el azúcar en su rango ayuda a cuidar los nervios. Pregunte a su equipo de salud '
                        'cuál es su rango.'),
                       ('para', 'Pregunte por un examen de los pies cada año. Es rápido y no duele.'))),
                     ('medicines',
                      'normal',
                      'Sus medicinas',
                      (('para',
                        'Algunas medicinas pueden hacer más probables los calambres. Por ejemplo, la estatina, la '
                        'pastilla para orinar (diurético) y el betabloqueador. Pregunte a su médico si las suyas '
                        'influyen.'),
                       ('para',
                        'No deje de tomar ni cambie ninguna medicina por su cuenta. Traiga a su cita la lista de '
                        'todo lo que toma.'))),
                     ('ask_about_b12',
                      'normal',
                      'Pregunte por la vitamina B12',
                      (('para',
                        'Los nervios necesitan vitamina B12. El alcohol y ciertas medicinas la pueden bajar.'),
                       ('para',
                        'Pregunte a su médico si le conviene un análisis de B12. Pregúntele también antes de usar '
                        'cualquier vitamina o suplemento.'))),
                     ('alcohol',
                      'normal',
                      'El alcohol y sus nervios',
                      (('para',
                        'El alcohol puede dañar los nervios. También hace que el cuerpo no use bien las vitaminas. '
                        'Tomar menos puede ayudar, y le podemos apoyar.'),)),
                     ('blood_flow',
                      'normal',
                      'Una buena circulación',
                      (('para',
                        'La sangre les lleva oxígeno y alimento a los nervios. Caminar cada día mejora la '
                        'circulación. No fumar también ayuda. Si fuma, le podemos ayudar a dejarlo.'),
                       ('para',
                        '¿Le duelen las pantorrillas al caminar y se alivian al descansar? Avise a su médico.'))),
                     ('good_shoes',
                      'normal',
                      'Zapatos que ayudan',
                      (('para', 'Unos buenos zapatos dan apoyo a los pies. Esto puede ayudar con los calambres.'),
                       ('bullets',
                        ('Elija zapatos que le queden bien y sujeten el pie.',
                         'Busque un tacón bajo y espacio para los dedos.')))),
                     ('move_more',
                      'normal',
                      'Muévase un poco más',
                      (('para', 'Moverse con calma da fuerza a los músculos. También mejora la circulación.'),
                       ('bullets',
                        ('Camine un rato cada día. Luego estire las pantorrillas.',
                         'Pregunte a su médico qué ejercicios son seguros para usted.')))),
                     ('pregnancy',
                      'normal',
                      'Los calambres y el embarazo',
                      (('para',
                        'Los calambres son comunes en el embarazo. Pueden ayudar los estiramientos, tomar agua y '
                        'un baño tibio.'),
                       ('para',
                        'Antes de usar cualquier suplemento o medicina, hable con quien atiende su embarazo. '
                        'Pregunte qué es seguro para usted y su bebé.'))),
                     ('tell_your_doctor',
                      'normal',
                      'Hable con su médico sobre su salud',
                      (('para',
                        'Usted nos habló de algunos problemas de salud. Algunos pueden influir en los calambres o '
                        'el dolor de los nervios. Por favor, menciónelos en su cita.'),)),
                     ('questions_for_your_doctor',
                      'normal',
                      'Preguntas para su médico',
                      (('para', 'Traiga esta hoja a su cita. Usted puede preguntar:'),)),
                     ('get_help_now',
                      'normal',
                      'Pida ayuda de inmediato',
                      (('para', 'Llame al 911 si tiene:'),
                       ('bullets',
                        ('Dolor en el pecho, o falta de aire de repente',
                         'Una pierna o un pie frío, pálido o azulado de repente, con dolor',
                         'Problema nuevo para controlar orina o heces, o adormecimiento entre las piernas')),
                       ('para', 'Llame hoy a la clínica si tiene:'),
                       ('bullets',
                        ('Una sola pierna hinchada desde hace poco, caliente, roja o muy adolorida',
                         'Una llaga, ampolla o herida abierta en un pie',
                         'Debilidad nueva en una pierna, un pie que se arrastra, o caídas',
                         'Dolor muy fuerte en los músculos, con orina oscura color de refresco de cola',
                         'Fiebre con una pierna roja y adolorida')))),
                     ('about_the_clinic',
                      'normal',
                      'Estamos aquí para usted',
                      (('para', 'En {clinic_name} le ayudamos a ver qué causa sus calambres.'),
                       ('bullets',
                        ('¿Tiene dudas? Llame al {clinic_phone}.',
                         'Venga a vernos: {clinic_address}',
                         'Vea más en: {clinic_website}'))))),
        'title': 'Su plan para los calambres en las piernas'}}

SYMPTOMS = {"en": ("New weakness in one leg", "A sore on your foot that is not healing"),
            "es": ("Debilidad nueva en una pierna", "Una llaga en el pie que no sana")}
PAGE_LABEL = {"en": "Page {page} of {pages}", "es": "Página {page} de {pages}"}
DATE = {"en": "November 23, 2026", "es": "23 de noviembre de 2026"}
CLINIC = "Riverside Nerve & Pain Clinic"
URL = "https://riverside-clinic.example/cramps"
PLACES = {"clinic_name": CLINIC, "clinic_phone": "(555) 010-2030",
          "clinic_address": "120 Harbor Street, Suite 4, Springfield", "clinic_website": "riverside-clinic.example"}


def picture_path():
    return paths.assets_dir() / "illustrations" / "calf-stretch-steps.svg"


def _block(raw, language):
    kind = raw[0]
    if kind == "para":
        return Para(raw[1].format(**PLACES))
    if kind == "bullets":
        return Bullets(tuple(item.format(**PLACES) for item in raw[1]))
    if kind == "checklist":
        return Checklist(raw[1])
    if kind == "steps":
        return Steps(raw[1], picture_path() if raw[2] else None)
    if kind == "symptoms":
        return Bullets(SYMPTOMS[language])
    raise AssertionError(kind)


def sample_spec(language="en", *, name="Alex Morgan", paper="letter", alert=True, extra_sections=0,
                questions=6, logo=None) -> HandoutSpec:
    """Every section of the real handout (alert optional), with doctor questions and a QR code added."""
    text = TEXT[language]
    sections = []
    for section_id, style, title, blocks in text["sections"]:
        if style == STYLE_ALERT and not alert:
            continue
        built = [_block(block, language) for block in blocks]
        if section_id == "questions_for_your_doctor":
            built.append(Questions(text["questions"][:questions]))
        if section_id == "about_the_clinic":
            built.append(QrCode(URL))
        sections.append(SectionSpec(section_id, title, tuple(built), style))
    for number in range(extra_sections):
        source = sections[number % len(sections) + (1 if alert else 0)] if number % 3 else sections[-2]
        sections.append(replace(source, id=f"extra_{number}", title=f"{source.title} ({number})"))
    return HandoutSpec(language=language, title=text["title"], date_text=DATE[language],
                       prepared_for=text["prepared_for"].format(name=name) if name is not None else None,
                       sections=tuple(sections), footer=text["footer"], page_label=PAGE_LABEL[language],
                       branding=Branding(CLINIC, logo), paper=paper)


def summary_spec(rows_per_group=(4, 6, 3, 5), paper="letter") -> SummarySpec:
    groups = []
    for group, count in enumerate(rows_per_group):
        rows = tuple(SummaryRow(f"Item {group}.{row} label", f"Answer {group}.{row}: both legs, most nights",
                                emphasis=(row == 0 and group == 0)) for row in range(count))
        groups.append((f"Group {group}", rows))
    return SummarySpec(title="Clinician summary — for clinic staff",
                       subtitle="Kiosk Lobby 1 · 23 November 2026 14:05 · Spanish", groups=tuple(groups),
                       footer="For clinic staff. Not a diagnosis; answers are the patient's own.",
                       page_label="Page {page} of {pages}", paper=paper)


# ------------------------------------------------------------------------------------------------- helpers

def squash(text: str) -> str:
    """Lines wrap and pypdf may split words at line ends: compare with all whitespace collapsed."""
    return re.sub(r"\s+", " ", text).strip()


def page_texts(pdf: bytes) -> list[str]:
    return [squash(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


def all_text(pdf: bytes) -> str:
    return " ".join(page_texts(pdf))


def block_strings(spec: HandoutSpec) -> list[str]:
    strings = []
    for section in spec.sections:
        strings.append(section.title)
        for block in section.blocks:
            strings += [block.text] if isinstance(block, Para) else [block.url] if isinstance(block, QrCode) \
                else list(block.items)
    return strings


needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


@pytest.fixture(scope="module")
def english_pdf() -> bytes:
    return render_handout(sample_spec("en"))


# ------------------------------------------------------------------------------------------------- handout

def test_output_is_a_pdf(english_pdf):
    assert english_pdf.startswith(b"%PDF-")
    assert english_pdf.rstrip().endswith(b"%%EOF")


def test_same_spec_gives_identical_bytes_and_a_different_spec_does_not(english_pdf):
    assert render_handout(sample_spec("en")) == english_pdf
    assert render_handout(sample_spec("en", name="Sam Lee")) != english_pdf


def test_a_fresh_process_gives_the_same_bytes(english_pdf):
    """Nothing process-specific (ids, font subset counters, caches) leaks into the file."""
    code = ("import sys, hashlib; sys.path.insert(0, sys.argv[1]); from test_render import sample_spec; "
            "from kiosk.handout.render import render_handout; "
            "print(hashlib.sha256(render_handout(sample_spec('en'))).hexdigest())")
    here = str(paths.bundle_root() / "tests" / "handout")
    result = subprocess.run([sys.executable, "-c", code, here], capture_output=True, text=True, check=True,
                            cwd=paths.bundle_root())
    assert result.stdout.strip() == hashlib.sha256(english_pdf).hexdigest()


def test_renders_on_worker_threads_give_the_same_bytes(english_pdf):
    results, errors = [None] * 6, []

    def work(index):
        try:
            results[index] = render_handout(sample_spec("en"))
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(index,)) for index in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert all(result == english_pdf for result in results)


@pytest.mark.parametrize("paper, size", [("letter", (612, 792)), ("a4", (595.28, 841.89)), ("A4", (595.28, 841.89))])
def test_page_size_follows_the_paper(paper, size):
    reader = PdfReader(io.BytesIO(render_handout(sample_spec("en", paper=paper, alert=False))))
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(size, abs=0.01)


def test_unknown_paper_is_refused():
    with pytest.raises(ValueError, match="legal"):
        render_handout(sample_spec("en", paper="legal"))


def _fonts(pdf: bytes) -> dict[str, object]:
    fonts = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    return fonts


def test_only_the_bundled_fonts_are_used_and_they_are_embedded(english_pdf):
    fonts = _fonts(english_pdf)
    names = {re.sub(r"^/?[A-Z]{6}\+", "", name) for name in fonts}
    assert names == {"AtkinsonHyperlegible-Regular", "AtkinsonHyperlegible-Bold"}
    for name, font in fonts.items():
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), f"{name} is not embedded"


@needs_poppler
def test_pdffonts_reports_every_font_embedded(english_pdf, tmp_path):
    path = tmp_path / "handout.pdf"
    path.write_bytes(english_pdf)
    rows = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = rows.splitlines()[2:]
    assert rows and all("Atkinson" in row for row in rows)
    assert all(re.search(r"\byes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", row) for row in rows), rows


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_page_carries_the_footer_and_its_page_label(language):
    spec = sample_spec(language, extra_sections=12)
    texts = page_texts(render_handout(spec))
    assert len(texts) >= 3
    for number, text in enumerate(texts, start=1):
        assert squash(spec.footer) in text
        assert spec.page_label.format(page=number, pages=len(texts)) in text


def test_spanish_accents_survive_intact():
    spec = sample_spec("es", name="María José Peña Núñez")
    text = all_text(render_handout(spec))
    assert "Preparado para María José Peña Núñez" in text
    assert "¿Qué podría estar causando mis calambres?" in text
    assert "Pídale" not in text  # guard: the check above reads real text, not anything at all
    assert "Pida ayuda de inmediato" in text


def test_prepared_for_is_left_out_when_there_is_no_name():
    text = all_text(render_handout(sample_spec("en", name=None)))
    assert "Prepared for" not in text
    assert "Your plan for leg cramps" in text


@pytest.mark.parametrize("language", ["en", "es"])
def test_long_name_and_many_sections_lose_no_text(language):
    spec = sample_spec(language, name="Maximiliano Bartholomew-Quiñones de la Santísima Trinidad",
                       extra_sections=25, paper="a4")
    text = all_text(render_handout(spec))
    assert squash(spec.prepared_for) in text
    missing = [item for item in block_strings(spec) if squash(item) not in text]
    assert missing == []


@needs_poppler
def test_no_word_is_drawn_outside_the_margins(tmp_path):
    spec = sample_spec("es", name="Maximiliano Bartholomew-Quiñones Maximiliano Bartholomew-Quiñones",
                       extra_sections=10)
    path = tmp_path / "handout.pdf"
    path.write_bytes(render_handout(spec))
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    boxes = [tuple(map(float, match)) for match in
             re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', html)]
    assert len(boxes) > 500
    margin = 0.5 * 72
    for x_min, y_min, x_max, y_max in boxes:
        assert margin <= x_min and x_max <= 612 - margin, (x_min, x_max)
        assert margin / 2 <= y_min and y_max <= 792 - margin / 2, (y_min, y_max)


def test_alert_section_comes_right_after_the_header(english_pdf):
    first = page_texts(english_pdf)[0]
    alert = first.index("Please tell the front desk today")
    assert first.index("Your plan for leg cramps") < alert < first.index("Cramps and your nerves")
    assert first.index("New weakness in one leg") > alert


def test_without_the_alert_there_is_no_alert_text():
    text = all_text(render_handout(sample_spec("en", alert=False)))
    assert "Please tell the front desk today" not in text
    assert "Cramps and your nerves" in text


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_page_ends_with_a_section_heading(language):
    base = sample_spec(language, alert=False)
    sentence = base.sections[0].blocks[0].text
    # Sections of every length from one to nine lines: some heading is bound to reach a page bottom.
    fillers = tuple(SectionSpec(f"s{n}", f"Heading number {n}", (Para(" ".join([sentence] * (n % 4 + 1))),))
                    for n in range(40))
    spec = replace(base, sections=fillers + base.sections)
    titles = {squash(section.title) for section in spec.sections}
    pages = PdfReader(io.BytesIO(render_handout(spec))).pages
    assert len(pages) > 5
    for page in pages[:-1]:
        lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        footer_start = next(i for i, line in enumerate(lines) if line.startswith(spec.footer[:12]))
        assert lines[footer_start - 1] not in titles, lines[footer_start - 3:footer_start]


def test_qr_code_prints_with_its_url(english_pdf):
    assert URL in all_text(english_pdf)
    no_qr = sample_spec("en")
    no_qr = replace(no_qr, sections=tuple(replace(s, blocks=tuple(b for b in s.blocks if not isinstance(b, QrCode)))
                                          for s in no_qr.sections))
    assert URL not in all_text(render_handout(no_qr))


def test_markup_characters_print_as_written():
    spec = sample_spec("en", alert=False)
    spec = replace(spec, sections=(SectionSpec("x", "Salt & water <b>not bold</b>", (Para("A < B & C > D"),)),))
    text = all_text(render_handout(spec))
    assert "Salt & water <b>not bold</b>" in text
    assert "A < B & C > D" in text


def test_metadata_names_the_handout_and_clinic_but_never_the_patient():
    reader = PdfReader(io.BytesIO(render_handout(sample_spec("es", name="María José Peña Núñez"))))
    assert reader.metadata.title == "Su plan para los calambres en las piernas"
    assert reader.metadata.author == CLINIC
    assert all("Peña" not in str(value) for value in reader.metadata.values())


def test_picture_is_drawn_as_vectors_and_a_missing_one_is_skipped(tmp_path):
    with_picture = render_handout(sample_spec("en", alert=False))
    spec = sample_spec("en", alert=False)
    missing = tmp_path / "gone.svg"
    spec = replace(spec, sections=tuple(
        replace(s, blocks=tuple(replace(b, picture=missing) if isinstance(b, Steps) and b.picture else b
                                for b in s.blocks)) for s in spec.sections))
    without = render_handout(spec)
    assert b"/Subtype /Image" not in with_picture
    assert len(with_picture) > len(without) + 2000  # the calf-stretch vectors
    assert "Sit with one leg straight" in all_text(without)


def test_logos_png_and_svg_are_accepted(tmp_path):
    from PIL import Image as PILImage

    svg_logo = paths.assets_dir() / "illustrations" / "clinic.svg"
    svg_pdf = render_handout(sample_spec("en", logo=svg_logo, alert=False))
    assert CLINIC in all_text(svg_pdf)
    assert b"/Subtype /Image" not in svg_pdf
    png = tmp_path / "logo.png"
    PILImage.new("RGB", (300, 100), (31, 111, 120)).save(png)
    png_pdf = render_handout(sample_spec("en", logo=png, alert=False))
    assert b"/Subtype /Image" in png_pdf
    assert CLINIC in all_text(png_pdf)


def test_a_long_alert_splits_across_pages_without_losing_items():
    symptoms = tuple(f"Symptom number {n} that the patient reported today" for n in range(45))
    alert = SectionSpec("tell_the_desk", "Please tell the front desk today",
                        (Para("You told us about:"), Bullets(symptoms), Para("Please show this page.")), STYLE_ALERT)
    spec = replace(sample_spec("en", alert=False), sections=(alert,) + sample_spec("en", alert=False).sections[:2])
    texts = page_texts(render_handout(spec))
    assert len(texts) >= 2
    missing = [item for item in symptoms + ("Please show this page.",) if item not in " ".join(texts)]
    assert missing == []


def _fonts_by_text(pdf: bytes) -> dict[str, str]:
    """Each drawn string and the BaseFont it was drawn with."""
    found = {}

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip() and font_dict is not None:
            found[text.strip()] = str(font_dict["/BaseFont"])

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return found


# ------------------------------------------------------------------------------------------------- summary

def test_summary_is_one_page_with_every_row():
    spec = summary_spec()
    pdf = render_summary(spec)
    assert pdf.startswith(b"%PDF-")
    assert render_summary(spec) == pdf
    texts = page_texts(pdf)
    assert len(texts) == 1
    for _, rows in spec.groups:
        for row in rows:
            assert row.label in texts[0] and row.value in texts[0]
    assert "Page 1 of 1" in texts[0]
    assert squash(spec.footer) in texts[0]
    assert "Clinician summary — for clinic staff" in texts[0]


@pytest.mark.parametrize("rows, paper", [((15, 15, 15, 15), "letter"), ((20, 20, 20, 20), "a4"),
                                         ((60,), "letter")])
def test_summary_stays_one_page_however_many_rows(rows, paper):
    spec = summary_spec(rows, paper=paper)
    texts = page_texts(render_summary(spec))
    assert len(texts) == 1
    missing = [row.value for _, group in spec.groups for row in group if row.value not in texts[0]]
    assert missing == []


def test_summary_emphasis_is_bold_and_other_rows_are_not():
    fonts = _fonts_by_text(render_summary(summary_spec()))
    assert fonts["Item 0.0 label"].endswith("AtkinsonHyperlegible-Bold")
    assert fonts["Answer 0.0: both legs, most nights"].endswith("AtkinsonHyperlegible-Bold")
    assert fonts["Item 0.1 label"].endswith("AtkinsonHyperlegible-Regular")
    assert fonts["Item 3.4 label"].endswith("AtkinsonHyperlegible-Regular")


def test_handout_body_and_headings_use_the_expected_weights(english_pdf):
    fonts = _fonts_by_text(english_pdf)
    assert fonts["Cramps and your nerves"].endswith("-Bold")
    assert fonts["Please tell the front desk today"].endswith("-Bold")
    assert fonts["Gently rub the muscle."].endswith("-Regular")
