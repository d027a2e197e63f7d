"""Files as citizens send them, honest and hostile."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

GPS = ExifTags.IFD.GPSInfo


def jpeg_with_gps(name="photo.jpg", size=(64, 48)):
    image = Image.new("RGB", size, (200, 40, 40))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    gps = exif.get_ifd(GPS)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (18.0, 46.0, 30.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (100.0, 46.0, 10.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    data = out.getvalue()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(GPS), "the sample must carry GPS"
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def png(name="map.png"):
    out = io.BytesIO()
    Image.new("RGBA", (20, 20), (0, 0, 255, 128)).save(out, "PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


def pdf(name="letter.pdf"):
    data = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def exe_named_jpg(name="photo.jpg"):
    return SimpleUploadedFile(name, b"MZ\x90\x00" + b"\x00" * 200, content_type="image/jpeg")


def html_named_pdf(name="letter.pdf"):
    data = b"<html><script>alert(1)</script></html>"
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def truncated_jpeg(name="broken.jpg"):
    return SimpleUploadedFile(name, b"\xff\xd8\xff\xe0" + b"\x00" * 50, content_type="image/jpeg")


def oversized_jpeg(limit, name="huge.jpg"):
    return SimpleUploadedFile(name, b"\xff\xd8\xff" + b"\x00" * limit, content_type="image/jpeg")


def jpeg_with_gps_cut_short(name="cut.jpg"):
    """A photo with GPS whose pixel data stops half-way (a broken transfer): its header reads
    well, so the request accepts it; decoding it fails, in the task."""
    image = Image.effect_noise((256, 192), 60).convert("RGB")
    exif = Image.Exif()
    exif.get_ifd(GPS)[ExifTags.GPS.GPSLatitude] = (18.0, 46.0, 30.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    data = out.getvalue()
    start_of_scan = data.index(b"\xff\xda")
    return SimpleUploadedFile(
        name, data[: start_of_scan + (len(data) - start_of_scan) // 2], content_type="image/jpeg"
    )


def holds_gps(data):
    return bool(Image.open(io.BytesIO(data)).getexif().get_ifd(GPS))
