"""The image steps before Tesseract, on small images whose pixels are known: none of them may
depend on a library's conversion defaults (a renderer that starts to draw form fields, a grey
formula that changes)."""
import numpy as np
import pytest
from PIL import Image

from extractors.readers.ocr_image import drop_red, find_seals, gray_image, luma, red_mask, render_page
from extractors.readers.ocr_table import _dark, straighten, survey


def pixels(*rgb):
    return np.array([list(rgb)], dtype=np.uint8)


def test_grey_levels_follow_itu_601_in_integer_form():
    # 0.299 R + 0.587 G + 0.114 B, rounded: white, black, pure red, green, blue, a blue ink.
    rgb = pixels((255, 255, 255), (0, 0, 0), (255, 0, 0), (0, 255, 0), (0, 0, 255), (30, 40, 140))
    assert luma(rgb).tolist() == [[255, 0, 76, 150, 29, 48]]
    assert luma(rgb).dtype == np.uint8


def test_grey_levels_of_a_whole_band_of_rows_match_pixel_by_pixel():
    rng = np.random.default_rng(7)
    rgb = rng.integers(0, 256, size=(300, 5, 3), dtype=np.uint8)  # more rows than one band
    want = np.floor(rgb[..., 0] * 0.299 + rgb[..., 1] * 0.587 + rgb[..., 2] * 0.114 + 0.5)
    assert np.abs(luma(rgb).astype(int) - want).max() <= 1


def test_red_ink_is_painted_white_and_blue_and_black_ink_stay():
    # seal red, dark red signature, blue ballpoint, black print, faint pink bleed-through
    rgb = pixels((220, 30, 30), (150, 20, 60), (30, 40, 140), (0, 0, 0), (240, 200, 200))
    assert red_mask(rgb).tolist() == [[True, True, False, False, False]]
    assert drop_red(rgb).tolist() == [[255, 255, 48, 0, 212]]


def test_the_grey_page_is_an_l_image_with_the_same_pixels():
    gray = np.array([[0, 128], [255, 7]], dtype=np.uint8)
    image = gray_image(gray)
    assert image.mode == "L" and image.size == (2, 2)
    assert np.asarray(image).tolist() == gray.tolist()
    with pytest.raises(ValueError):
        gray_image(np.zeros((2, 2, 3), dtype=np.uint8))


def test_dark_pixels_are_read_from_a_grey_image_only():
    gray = gray_image(np.array([[0, 169, 170, 255]], dtype=np.uint8))
    assert _dark(gray).tolist() == [[True, True, False, False]]
    with pytest.raises(ValueError):
        _dark(Image.new("RGB", (4, 1)))


def ruled_page(angle: float = 0.0) -> Image.Image:
    """A white page with three long black rules (a table), turned by `angle` degrees."""
    gray = np.full((600, 800), 255, dtype=np.uint8)
    for y in (100, 200, 300):
        gray[y:y + 3, 100:700] = 0
    return gray_image(gray).rotate(angle, resample=Image.BICUBIC, fillcolor=255)


def test_a_turned_ruled_page_is_measured_and_straightened_with_white_corners():
    angle, has_table = survey(ruled_page(1.0))
    assert has_table and abs(angle + 1.0) < 0.15  # the turn that undoes it
    straight, _ = straighten(ruled_page(1.0))
    assert straight.mode == "L" and abs(survey(straight)[0]) < 0.15
    assert np.asarray(straight)[0, 0] == 255 and np.asarray(straight)[-1, -1] == 255


def test_a_round_red_seal_is_found_and_a_red_signature_is_not():
    from PIL import ImageDraw
    image = Image.new("RGB", (1200, 1200), "white")
    d = ImageDraw.Draw(image)
    d.ellipse((100, 100, 540, 540), outline=(220, 30, 30), width=14)  # 37 mm at 300 dpi
    d.line([(700, 900), (1150, 880)], fill=(200, 20, 40), width=6)   # a red stroke of a signature
    seals = find_seals(red_mask(np.asarray(image, dtype=np.uint8)), 300)
    assert len(seals) == 1
    x0, y0, x1, y1 = seals[0]
    assert abs(x0 - 100) <= 12 and abs(y0 - 100) <= 12 and abs(x1 - 541) <= 12 and abs(y1 - 541) <= 12


def test_a_page_is_rendered_without_its_annotations(tmp_path):
    """A form field drawn over the page (as an e-signature stamp is) stays out of the image,
    and the bitmap comes in RGB order: a red square is red in channel 0."""
    reportlab = pytest.importorskip("reportlab")  # noqa: F841
    import pypdfium2
    from reportlab.lib.colors import red
    from reportlab.pdfgen import canvas
    path = tmp_path / "stamped.pdf"
    c = canvas.Canvas(str(path), pagesize=(200, 200))
    c.setFillColor(red)
    c.rect(10, 150, 40, 40, stroke=0, fill=1)
    c.acroForm.textfield(name="stamp", value="Ky boi: UBND", x=100, y=20, width=90, height=40, borderWidth=3,
                         fillColor=None, borderColor=None, textColor=None, forceBorder=True)
    c.save()
    pdf = pypdfium2.PdfDocument(str(path))
    pdf.init_forms()  # even with the form environment on, the page alone is drawn
    rgb = render_page(pdf, 0, 72)
    assert rgb.shape == (200, 200, 3) and rgb.dtype == np.uint8
    assert rgb[30, 30].tolist() == [255, 0, 0]  # the red square, top left
    assert (rgb[140:, 100:] == 255).all()  # the form field's box and text are not drawn
    drawn = pdf[0].render(scale=1, may_draw_forms=True, rev_byteorder=True).to_numpy()
    assert (drawn[140:, 100:] < 128).any()  # (a renderer that draws forms would show it)
