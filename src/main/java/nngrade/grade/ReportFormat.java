package nngrade.grade;

import nngrade.check.CheckResult;
import nngrade.report.CheckHtml;
import nngrade.report.CheckJson;
import nngrade.report.CheckMarkdown;
import nngrade.report.ReportOptions;

/** The reports a student can get from a class run, one file each under reports/. */
public enum ReportFormat {
    html {
        @Override
        public String render(CheckResult r, ReportOptions o) {
            return CheckHtml.render(r, o);
        }
    },
    md {
        @Override
        public String render(CheckResult r, ReportOptions o) {
            return CheckMarkdown.render(r, o);
        }
    },
    json {
        @Override
        public String render(CheckResult r, ReportOptions o) {
            return CheckJson.render(r, o);
        }
    };

    public abstract String render(CheckResult r, ReportOptions o);

    /** The report's file name for a student's report name: the format's name is its extension. */
    public String fileName(String reportName) {
        return reportName + "." + name();
    }
}
