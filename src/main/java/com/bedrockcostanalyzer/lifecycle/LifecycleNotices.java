package com.bedrockcostanalyzer.lifecycle;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which end-of-life dates the nightly job has named, so that its digest names each model
 * once, the first night its date is within {@value LifecycleList#NOTICE_DAYS} days, and
 * again only if AWS moves the date. Written in the report step's transaction: a run that
 * fails names it again the next night.
 */
@Repository
public class LifecycleNotices {

	private final JdbcTemplate jdbc;

	public LifecycleNotices(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The list with the models named for the first time marked, and those recorded as
	 * named on {@code today}.
	 */
	public List<ModelEnd> notice(List<ModelEnd> ends, LocalDate today) {
		List<ModelEnd> marked = new ArrayList<>(ends.size());
		for (ModelEnd end : ends) {
			LocalDate endOfLife = end.endOfLife();
			if (endOfLife == null || end.daysToEndOfLife() == null
					|| end.daysToEndOfLife() > LifecycleList.NOTICE_DAYS) {
				marked.add(end);
				continue;
			}
			Integer named = this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM bca_lifecycle_notice WHERE model = ? AND end_of_life = ?", Integer.class,
					end.model(), Date.valueOf(endOfLife));
			if (named != null && named > 0) {
				marked.add(end);
				continue;
			}
			this.jdbc.update("INSERT INTO bca_lifecycle_notice (model, end_of_life, noticed_on) VALUES (?, ?, ?)",
					end.model(), Date.valueOf(endOfLife), Date.valueOf(today));
			marked.add(end.noticedFirst());
		}
		return marked;
	}

}
