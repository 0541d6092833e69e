package nngrade.grade;

import nngrade.check.CheckResult;
import nngrade.report.CheckHtml;
import nngrade.report.CheckJson;
import nngrade.report.CheckMarkdown;
import nngrade.report.ReportOptions;

/** The reports a student can get from a class run, one file each under reports/. */
public enum ReportFormat {
    html("html") {
        @Override
        public String render(CheckResult r, ReportOptions o) {
            return CheckHtml.render(r, o);
        }
    },
    md("md") {
        @Override
        public String render(CheckResult r, ReportOptions o) {
            return CheckMarkdown.render(r, o);
        }
    },
    json("json") {
        @Override
        public String render(CheckResult r, ReportOptions o) {
            return CheckJson.render(r, o);
        }
    };

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public abstract String render(CheckResult r, ReportOptions o);

    /** The report's file name for a student's report name. */
    public String fileName(String reportName) {
        return reportName + "." + extension;
    }
}
