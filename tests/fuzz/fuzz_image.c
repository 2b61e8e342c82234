/* Fuzz target: image checking. Any bytes go to the decoder a build runs on
 * every picture a source names (PNG with libpng, JPEG with libjpeg and its
 * EXIF orientation, SVG with librsvg): it returns 0 with a sane size, or -1
 * with a reason, and never crashes. The EXIF reader is also fed directly. */
#include "fuzz.h"
#include "ingest/images/images.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    oct_image_info info;
    memset(&info, 0, sizeof info);
    int rc = oct_image_decode(data, size, &info);
    if (rc == 0) {
        if (info.width <= 0 || info.height <= 0 || info.width > OCT_IMAGE_MAX_SIDE ||
            info.height > OCT_IMAGE_MAX_SIDE)
            abort();
    } else if (!info.why[0] && !info.unsupported) {
        abort(); /* refused without saying why */
    }
    free(info.raster);
    free(info.upright);
    int o = oct_exif_orientation(data, size);
    if (o < 0 || o > 8) abort();
    return 0;
}
