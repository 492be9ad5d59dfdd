/**
 * What the nightly job tells people, instead of waiting to be read: anomalies against
 * each path's and model's own weekday baseline, new spenders, budgets and the month-end
 * forecast, kept once in the job database and sent as one digest per run to a webhook, an
 * SNS topic or by e-mail.
 */
@NullMarked
package com.bedrockcostanalyzer.alerts;

import org.jspecify.annotations.NullMarked;
