package com.bedrockcostanalyzer.savings;

import java.util.List;

/**
 * Finds one kind of opportunity in the window's aggregates; figures are for the window,
 * not yet monthly.
 */
interface Detector {

	List<Opportunity> detect(SavingsContext context);

}
