package com.bedrockcostanalyzer.alerts;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One run's message: what it found that a channel has not delivered yet, and where the
 * report is.
 */
public record Digest(List<Notice> notices, String report) {

	public String subject() {
		return "Bedrock cost digest: " + this.notices.size() + " finding" + (this.notices.size() == 1 ? "" : "s") + " ("
				+ this.notices.get(this.notices.size() - 1).day() + ")";
	}

	/** The digest as text, each value through the channel's escaping. */
	public String text(UnaryOperator<String> escape, String bullet) {
		StringBuilder out = new StringBuilder();
		for (Notice notice : this.notices) {
			out.append(bullet).append(escape.apply(notice.message())).append('\n');
		}
		out.append("Report: ").append(escape.apply(this.report)).append('\n');
		return out.toString();
	}

}
