package nngrade.submission;

import java.text.Normalizer;

/** Student ids as text: the same name typed or saved two ways is one id. */
public final class StudentIds {
    private StudentIds() {
    }

    /**
     * The id in Unicode's composed form (NFC): "josé" typed on Linux (é as one character) and
     * saved by macOS (e followed by a combining accent) are the same student, and their roster row,
     * file name and variant agree.
     */
    public static String nfc(String id) {
        return Normalizer.isNormalized(id, Normalizer.Form.NFC) ? id : Normalizer.normalize(id, Normalizer.Form.NFC);
    }
}
