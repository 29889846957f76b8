//! Passphrase-protected plan files. The whole plan file (JSON bytes) is sealed with AES-GCM
//! (256-bit key, 12-byte random nonce, 128-bit tag); the key comes from the passphrase through
//! PBKDF2-HMAC-SHA-256 with at least 600,000 iterations and a random 16-byte salt. The envelope
//! keeps `format`, `version` and `kind` readable (so the app can say "this file needs a
//! passphrase", or that a newer Waymark made it), and binds them to the ciphertext as additional
//! authenticated data, so any changed byte, in the header or the sealed part, fails the open.
//! `version` is the sealed file's own (the lowest that reads it), so a file sealed by an earlier
//! build, which named version 1, still opens.
//!
//! The envelope (parsing, serialising, base64) is pure Rust and tested natively; the WebCrypto
//! calls are wasm32-only and tested in a real browser (`tests/browser/exchange.rs`).

use super::error::ImportError;
use super::format::{FileKind, CURRENT_VERSION, FORMAT};
pub use super::format::{CIPHER, HASH, KDF, MAX_ITERATIONS, MIN_ITERATIONS};
use super::validate::{check_format, clip, parse_json};
use serde::{Deserialize, Serialize};

/// OWASP's 2023 figure for PBKDF2-HMAC-SHA-256.
pub const ITERATIONS: u32 = MIN_ITERATIONS;
pub const SALT_LEN: usize = 16;
pub const NONCE_LEN: usize = 12;
/// AES-GCM appends a 16-byte tag.
pub const TAG_LEN: usize = 16;

/// Why a file could not be protected.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CryptoError {
    #[error("Choose a passphrase to protect the file.")]
    EmptyPassphrase,
    #[error("Only Waymark plan files can be protected with a passphrase.")]
    NotAPlanFile,
    #[error("This browser can't protect files with a passphrase ({0}).")]
    Unavailable(String),
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EnvelopeJson {
    format: String,
    version: u32,
    kind: FileKind,
    encrypted: SealedJson,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SealedJson {
    kdf: String,
    hash: String,
    iterations: u32,
    cipher: String,
    salt: String,
    nonce: String,
    ciphertext: String,
}

/// A sealed plan file, decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Envelope {
    /// The sealed file's format version, named in the readable header.
    pub version: u32,
    pub kind: FileKind,
    pub iterations: u32,
    pub salt: Vec<u8>,
    pub nonce: Vec<u8>,
    /// Ciphertext followed by the 16-byte tag, as WebCrypto returns it.
    pub ciphertext: Vec<u8>,
}

impl Envelope {
    /// The bytes authenticated with the ciphertext: the readable header.
    pub fn associated_data(&self) -> Vec<u8> {
        associated_data(self.version, self.kind)
    }

    pub fn to_json(&self) -> Vec<u8> {
        let env = EnvelopeJson {
            format: FORMAT.to_owned(),
            version: self.version,
            kind: self.kind,
            encrypted: SealedJson {
                kdf: KDF.to_owned(),
                hash: HASH.to_owned(),
                iterations: self.iterations,
                cipher: CIPHER.to_owned(),
                salt: base64_encode(&self.salt),
                nonce: base64_encode(&self.nonce),
                ciphertext: base64_encode(&self.ciphertext),
            },
        };
        let mut out = serde_json::to_vec_pretty(&env)
            // Strings and integers only.
            .expect("the envelope always serialises");
        out.push(b'\n');
        out
    }
}

/// `waymark-plan/<version>/<kind>`: the readable header, authenticated with the ciphertext.
pub fn associated_data(version: u32, kind: FileKind) -> Vec<u8> {
    format!("{FORMAT}/{version}/{}", kind.as_str()).into_bytes()
}

/// Whether these bytes look like a passphrase-protected plan file (cheap; no checks).
pub fn is_encrypted(bytes: &[u8]) -> bool {
    matches!(
        parse_envelope(bytes),
        Ok(_) | Err(ImportError::WrongPassphrase)
    )
}

/// Reads the envelope of a protected file. A file that is a Waymark file but whose sealed part
/// is damaged gives `WrongPassphrase` (its message covers a changed file), so the person sees
/// the same clear error whichever byte was changed.
pub fn parse_envelope(bytes: &[u8]) -> Result<Envelope, ImportError> {
    let value = parse_json(bytes)?;
    let obj = value.as_object().ok_or_else(|| ImportError::NotAPlanFile {
        detail: "it does not hold a JSON object".to_owned(),
    })?;
    check_format(obj, CURRENT_VERSION)?;
    if !obj.contains_key("encrypted") {
        return Err(ImportError::invalid(
            "encrypted",
            "this file is not protected with a passphrase",
        ));
    }
    let env: EnvelopeJson =
        serde_json::from_value(value).map_err(|_| ImportError::WrongPassphrase)?;
    let s = env.encrypted;
    if s.kdf != KDF || s.hash != HASH || s.cipher != CIPHER {
        return Err(ImportError::invalid(
            "encrypted",
            format!(
                "this file uses {} / {} / {}, which Waymark does not know",
                clip(&s.kdf),
                clip(&s.hash),
                clip(&s.cipher)
            ),
        ));
    }
    if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&s.iterations) {
        return Err(ImportError::WrongPassphrase);
    }
    let decode = |s: &str| base64_decode(s).ok_or(ImportError::WrongPassphrase);
    let env = Envelope {
        version: env.version,
        kind: env.kind,
        iterations: s.iterations,
        salt: decode(&s.salt)?,
        nonce: decode(&s.nonce)?,
        ciphertext: decode(&s.ciphertext)?,
    };
    if env.salt.len() != SALT_LEN || env.nonce.len() != NONCE_LEN || env.ciphertext.len() < TAG_LEN
    {
        return Err(ImportError::WrongPassphrase);
    }
    Ok(env)
}

/// The version and kind of a plain (unprotected) plan file, read from its bytes; `None` if it
/// is not one.
pub fn plain_head(plain: &[u8]) -> Option<(u32, FileKind)> {
    #[derive(Deserialize)]
    struct Head {
        format: String,
        version: u32,
        kind: FileKind,
    }
    serde_json::from_slice::<Head>(plain)
        .ok()
        .filter(|h| h.format == FORMAT)
        .map(|h| (h.version, h.kind))
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding (RFC 4648 §4).
pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Strict standard base64: padding required, no whitespace, no leftover bits.
pub fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let s = s.as_bytes();
    if !s.len().is_multiple_of(4) {
        return None;
    }
    let value = |c: u8| ALPHABET.iter().position(|&a| a == c).map(|v| v as u32);
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    for (i, quad) in s.chunks(4).enumerate() {
        let last = i == s.len() / 4 - 1;
        let pad = quad.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return None;
        }
        let mut n = 0u32;
        for &c in &quad[..4 - pad] {
            n = (n << 6) | value(c)?;
        }
        n <<= 6 * pad as u32;
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        let keep = 3 - pad;
        // Bits below the last kept byte must be zero (canonical encoding).
        if bytes[keep..].iter().any(|&b| b != 0) {
            return None;
        }
        out.extend_from_slice(&bytes[..keep]);
    }
    Some(out)
}

#[cfg(target_arch = "wasm32")]
pub use web::{decrypt_plan_file, encrypt_plan_file, open_sealed};

#[cfg(target_arch = "wasm32")]
mod web {
    use super::*;
    use crate::exchange::format::{ExportedFile, PlanFile};
    use js_sys::{Array, Uint8Array};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{AesDerivedKeyParams, AesGcmParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

    fn js_text(e: &JsValue) -> String {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "WebCrypto failed".to_owned())
    }

    fn crypto() -> Result<web_sys::Crypto, String> {
        let global = js_sys::global();
        let c =
            js_sys::Reflect::get(&global, &JsValue::from_str("crypto")).map_err(|e| js_text(&e))?;
        c.dyn_into::<web_sys::Crypto>()
            .map_err(|_| "no crypto object".to_owned())
    }

    fn random(len: usize) -> Result<Vec<u8>, String> {
        let mut buf = vec![0u8; len];
        crypto()?
            .get_random_values_with_u8_array(&mut buf)
            .map_err(|e| js_text(&e))?;
        Ok(buf)
    }

    async fn key(
        subtle: &SubtleCrypto,
        passphrase: &str,
        salt: &[u8],
        iterations: u32,
        usage: &str,
    ) -> Result<CryptoKey, String> {
        let raw = Uint8Array::from(passphrase.as_bytes());
        let usages = Array::of1(&JsValue::from_str("deriveKey"));
        let base = JsFuture::from(
            subtle
                .import_key_with_str("raw", &raw, "PBKDF2", false, &usages)
                .map_err(|e| js_text(&e))?,
        )
        .await
        .map_err(|e| js_text(&e))?;
        let base: CryptoKey = base.dyn_into().map_err(|_| "no key".to_owned())?;
        let salt = Uint8Array::from(salt);
        let params = Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", iterations, &salt);
        let aes = AesDerivedKeyParams::new("AES-GCM", 256);
        let usages = Array::of1(&JsValue::from_str(usage));
        let derived = JsFuture::from(
            subtle
                .derive_key_with_object_and_object(&params, &base, &aes, false, &usages)
                .map_err(|e| js_text(&e))?,
        )
        .await
        .map_err(|e| js_text(&e))?;
        derived.dyn_into().map_err(|_| "no key".to_owned())
    }

    fn gcm(nonce: &[u8], aad: &[u8]) -> AesGcmParams {
        let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(nonce));
        params.set_additional_data(&Uint8Array::from(aad));
        params.set_tag_length(128);
        params
    }

    /// Seals an exported plan file (`export::export_plan` and friends) with a passphrase.
    /// The result keeps the file name and media type.
    pub async fn encrypt_plan_file(
        plain: &ExportedFile,
        passphrase: &str,
    ) -> Result<ExportedFile, CryptoError> {
        if passphrase.is_empty() {
            return Err(CryptoError::EmptyPassphrase);
        }
        let (version, kind) = plain_head(&plain.bytes).ok_or(CryptoError::NotAPlanFile)?;
        let fail = CryptoError::Unavailable;
        let subtle = crypto().map_err(fail)?.subtle();
        let salt = random(SALT_LEN).map_err(fail)?;
        let nonce = random(NONCE_LEN).map_err(fail)?;
        let k = key(&subtle, passphrase, &salt, ITERATIONS, "encrypt")
            .await
            .map_err(fail)?;
        let sealed = JsFuture::from(
            subtle
                .encrypt_with_object_and_u8_array(
                    &gcm(&nonce, &associated_data(version, kind)),
                    &k,
                    &plain.bytes,
                )
                .map_err(|e| fail(js_text(&e)))?,
        )
        .await
        .map_err(|e| fail(js_text(&e)))?;
        let ciphertext = Uint8Array::new(&sealed).to_vec();
        let env = Envelope {
            version,
            kind,
            iterations: ITERATIONS,
            salt,
            nonce,
            ciphertext,
        };
        Ok(ExportedFile {
            bytes: env.to_json(),
            file_name: plain.file_name.clone(),
            media_type: plain.media_type,
        })
    }

    /// Opens a sealed file to its plain bytes (the plan file JSON).
    pub async fn open_sealed(bytes: &[u8], passphrase: &str) -> Result<Vec<u8>, ImportError> {
        let env = parse_envelope(bytes)?;
        let subtle = crypto().map_err(ImportError::CryptoUnavailable)?.subtle();
        let k = key(&subtle, passphrase, &env.salt, env.iterations, "decrypt")
            .await
            .map_err(ImportError::CryptoUnavailable)?;
        let promise = subtle
            .decrypt_with_object_and_u8_array(
                &gcm(&env.nonce, &env.associated_data()),
                &k,
                &env.ciphertext,
            )
            .map_err(|_| ImportError::WrongPassphrase)?;
        // WebCrypto answers a failed tag check (wrong key or changed bytes) with an
        // OperationError and nothing else: the two cannot be told apart, by design.
        let plain = JsFuture::from(promise)
            .await
            .map_err(|_| ImportError::WrongPassphrase)?;
        Ok(Uint8Array::new(&plain).to_vec())
    }

    /// Opens and reads a passphrase-protected plan file. The sealed content is checked exactly
    /// like a plain file; a sealed file inside a sealed file is refused.
    pub async fn decrypt_plan_file(
        bytes: &[u8],
        passphrase: &str,
    ) -> Result<PlanFile, ImportError> {
        let env_kind = parse_envelope(bytes)?.kind;
        let plain = open_sealed(bytes, passphrase).await?;
        let file = crate::exchange::validate::parse_plan_file(&plain).map_err(|e| match e {
            ImportError::NeedsPassphrase => ImportError::invalid(
                "encrypted",
                "the protected content is itself protected, which Waymark never writes",
            ),
            other => other,
        })?;
        if file.kind != env_kind {
            return Err(ImportError::WrongPassphrase);
        }
        Ok(file)
    }
}
