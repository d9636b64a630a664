"""Draw resources/seal/sample_seal.png, a SAMPLE 직인 (not any office's real seal).

Run from the repository root: ``python resources/seal/make_sample_seal.py``.
A red square seal with a double border and 서초구청장인 in three columns,
read right to left, on a transparent background so the issuer's printed
name shows through it.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONT = HERE.parent / "fonts" / "NanumMyeongjoBold.ttf"
SIZE = 600
OUT = 360
RED = (200, 30, 30, 235)


def main() -> None:
    img = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    m = 18
    d.rectangle([m, m, SIZE - m, SIZE - m], outline=RED, width=30)
    d.rectangle([m + 46, m + 46, SIZE - m - 46, SIZE - m - 46], outline=RED, width=8)
    font = ImageFont.truetype(str(FONT), 190)
    text = "서초구청장인"
    columns = [text[0:2], text[2:4], text[4:6]]  # right column first
    inner_left, inner_right = m + 62, SIZE - m - 62
    col_w = (inner_right - inner_left) / 3
    for i, col in enumerate(columns):
        cx = inner_right - col_w * (i + 0.5)
        for j, ch in enumerate(col):
            cy = SIZE / 2 + (j - 0.5) * 215
            # squeeze each glyph horizontally to fit the narrow column
            glyph = Image.new("RGBA", (240, 240), (0, 0, 0, 0))
            ImageDraw.Draw(glyph).text((120, 120), ch, font=font, fill=RED, anchor="mm", stroke_width=6, stroke_fill=RED)
            glyph = glyph.resize((int(col_w * 1.02), 240))
            img.alpha_composite(glyph, (int(cx - glyph.width / 2), int(cy - glyph.height / 2)))
    img = img.resize((OUT, OUT), Image.LANCZOS)  # about 360 dpi at 25 mm
    img.save(HERE / "sample_seal.png", optimize=True)


if __name__ == "__main__":
    main()
