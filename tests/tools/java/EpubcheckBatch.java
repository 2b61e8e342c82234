/* Runs epubcheck on many EPUBs in one JVM: a path per line on standard
 * input; for each, "@@file PATH", epubcheck's own command-line output for
 * that file, then "@@rc N" (its exit status). Starting a JVM and loading
 * epubcheck's schemas costs some 5 s a run; a test that checks a dozen
 * books pays it once (tests/tools/lib.sh: check_epub). Both epubcheck
 * versions (4.2.6 and 5.1.0) have the class used here; compile against
 * either, run with the jar of the version wanted on the class path. */
import com.adobe.epubcheck.tool.EpubChecker;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

public final class EpubcheckBatch {
    public static void main(String[] args) throws Exception {
        PrintStream out = System.out, err = System.err;
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String path; (path = in.readLine()) != null;) {
            if (path.isEmpty()) continue;
            /* each file's messages apart: a new checker, its own streams */
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            PrintStream mine = new PrintStream(buf, true, "UTF-8");
            System.setOut(mine);
            System.setErr(mine);
            int rc;
            try {
                rc = new EpubChecker().run(new String[] {path});
            } catch (RuntimeException e) {
                e.printStackTrace(mine);
                rc = 99;
            } finally {
                System.setOut(out);
                System.setErr(err);
            }
            out.println("@@file " + path);
            out.print(buf.toString("UTF-8"));
            out.println("@@rc " + rc);
            out.flush();
        }
    }
}
