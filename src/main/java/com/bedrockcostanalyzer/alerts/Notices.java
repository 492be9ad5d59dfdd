package com.bedrockcostanalyzer.alerts;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The findings kept in the job database, and which channel has delivered which: a finding
 * is recorded once under its key (a second run the same day adds nothing), and a channel
 * is sent, at its next delivery, whatever it has not delivered of the findings recorded
 * in the last {@value NotifyProperties#RETRY_DAYS} days.
 */
@Repository
public class Notices {

	private static final int MAX_MESSAGE = 2000;

	private final JdbcTemplate jdbc;

	public Notices(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the notices not recorded before; returns how many were new. */
	public int record(List<Notice> notices) {
		int added = 0;
		for (Notice notice : notices) {
			Integer known = this.jdbc.queryForObject("SELECT COUNT(*) FROM bca_notice WHERE notice_key = ?",
					Integer.class, notice.key());
			if (known != null && known > 0) {
				continue;
			}
			String message = (notice.message().length() > MAX_MESSAGE)
					? notice.message().substring(0, MAX_MESSAGE - 1) + "…" : notice.message();
			this.jdbc.update(
					"INSERT INTO bca_notice (notice_key, notice_day, kind, message, recorded_at) VALUES (?, ?, ?, ?, ?)",
					notice.key(), Date.valueOf(notice.day()), notice.kind(), message, Timestamp.from(Instant.now()));
			added++;
		}
		return added;
	}

	/** A recorded notice and its row. */
	public record Pending(long id, Notice notice) {
	}

	/**
	 * What the channel has not delivered of the notices recorded recently, oldest first.
	 */
	public List<Pending> pending(String channel) {
		Timestamp since = Timestamp.from(Instant.now().minus(NotifyProperties.RETRY_DAYS, ChronoUnit.DAYS));
		List<Pending> pending = new ArrayList<>();
		this.jdbc.query("""
				SELECT n.id, n.notice_key, n.notice_day, n.kind, n.message FROM bca_notice n
				WHERE n.recorded_at >= ? AND NOT EXISTS
				  (SELECT 1 FROM bca_notice_delivery d WHERE d.notice_id = n.id AND d.channel = ?)
				ORDER BY n.id""", (rs) -> {
			pending.add(new Pending(rs.getLong(1),
					new Notice(rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5))));
		}, since, channel);
		return pending;
	}

	/** Marks the notices delivered on the channel. */
	public void delivered(String channel, List<Pending> notices) {
		Timestamp now = Timestamp.from(Instant.now());
		for (Pending p : notices) {
			this.jdbc.update("INSERT INTO bca_notice_delivery (notice_id, channel, sent_at) VALUES (?, ?, ?)", p.id(),
					channel, now);
		}
	}

}
