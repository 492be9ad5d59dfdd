/**
 * Application inference profiles: which model, scope and tags each profile ARN in the
 * logs stands for, from the Bedrock control plane, a file, or the job database's cache of
 * earlier answers.
 */
package com.bedrockcostanalyzer.profiles;
