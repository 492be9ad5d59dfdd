/*
 * Gzip inflation for com.bedrockcostanalyzer.source.NativeGunzip, by libdeflate: whole
 * members at once, several times faster than the JDK's zlib streams. Every member's
 * CRC-32 and length are checked by libdeflate; any failure is reported as a code, and
 * the Java side then reads the same bytes with its own checked stream, so that what is
 * accepted and rejected never depends on this library.
 */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <libdeflate.h>

#define BAD_DATA -1
#define NO_SPACE -2
#define TOO_MANY_MEMBERS -3
#define NO_MEMORY -4

/*
 * Inflates in[0, length) into the direct buffer out, member after member; ends[i] is
 * where member i's output ends. Returns members << 32 | bytes out, or a negative code.
 */
JNIEXPORT jlong JNICALL Java_com_bedrockcostanalyzer_source_NativeGunzip_gunzip(JNIEnv *env, jclass cls,
		jbyteArray in, jint length, jobject out, jintArray ends) {
	(void) cls;
	uint8_t *dst = (*env)->GetDirectBufferAddress(env, out);
	jlong capacity = (*env)->GetDirectBufferCapacity(env, out);
	jsize max_members = (*env)->GetArrayLength(env, ends);
	if (dst == NULL || capacity < 0) {
		return NO_MEMORY;
	}
	struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
	if (d == NULL) {
		return NO_MEMORY;
	}
	jint *member_ends = malloc(sizeof(jint) * (size_t) (max_members > 0 ? max_members : 1));
	if (member_ends == NULL) {
		libdeflate_free_decompressor(d);
		return NO_MEMORY;
	}
	jint members = 0;
	size_t in_pos = 0;
	size_t out_pos = 0;
	jlong result = 0;
	uint8_t *src = (*env)->GetPrimitiveArrayCritical(env, in, NULL);
	if (src == NULL) {
		free(member_ends);
		libdeflate_free_decompressor(d);
		return NO_MEMORY;
	}
	while (in_pos < (size_t) length) {
		size_t used = 0;
		size_t produced = 0;
		enum libdeflate_result r = libdeflate_gzip_decompress_ex(d, src + in_pos, (size_t) length - in_pos,
				dst + out_pos, (size_t) capacity - out_pos, &used, &produced);
		if (r == LIBDEFLATE_INSUFFICIENT_SPACE) {
			result = NO_SPACE;
			break;
		}
		if (r != LIBDEFLATE_SUCCESS) {
			result = BAD_DATA;
			break;
		}
		if (members == max_members) {
			result = TOO_MANY_MEMBERS;
			break;
		}
		in_pos += used;
		out_pos += produced;
		member_ends[members++] = (jint) out_pos;
	}
	(*env)->ReleasePrimitiveArrayCritical(env, in, src, JNI_ABORT);
	libdeflate_free_decompressor(d);
	if (result == 0 && members == 0) {
		result = BAD_DATA;
	}
	if (result == 0) {
		(*env)->SetIntArrayRegion(env, ends, 0, members, member_ends);
	}
	free(member_ends);
	if (result < 0) {
		return result;
	}
	return ((jlong) members << 32) | (jlong) out_pos;
}
