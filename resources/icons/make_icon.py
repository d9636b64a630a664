"""Draw resources/icons/app.png and app.ico, the program's icon.

Run from the repository root: ``python resources/icons/make_icon.py``.
A navy rounded square (the colour of the program's navigation bar) with a
white certificate sheet and a red seal mark: the 위촉장 the program prints.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONT = HERE.parent / "fonts" / "NanumGothicBold.ttf"
SIZE = 512
NAVY = (31, 78, 140, 255)
RED = (200, 30, 30, 255)
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw() -> Image.Image:
    img = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle([16, 16, SIZE - 16, SIZE - 16], radius=96, fill=NAVY)
    sheet = [120, 84, SIZE - 120, SIZE - 84]
    d.rounded_rectangle(sheet, radius=18, fill=(255, 255, 255, 255))
    font = ImageFont.truetype(str(FONT), 118)
    text = "위촉"
    box = d.textbbox((0, 0), text, font=font)
    x = (SIZE - (box[2] - box[0])) / 2 - box[0]
    d.text((x, 130 - box[1]), text, font=font, fill=NAVY)
    for i in range(2):  # lines of the certificate's text
        y = 282 + i * 36
        d.rounded_rectangle([160, y, SIZE - 160, y + 12], radius=6, fill=(160, 172, 190, 255))
    d.rectangle([SIZE - 226, 352, SIZE - 160, 418], outline=RED, width=10)  # the seal
    return img


def main() -> None:
    img = draw()
    img.resize((256, 256), Image.LANCZOS).save(HERE / "app.png")
    img.save(HERE / "app.ico", sizes=ICO_SIZES)


if __name__ == "__main__":
    main()
