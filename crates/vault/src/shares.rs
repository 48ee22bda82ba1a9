//! Recovery shares: the recovery key's 32-byte seed split with Shamir's scheme (blahaj), each share
//! spelled as one bech32m word that survives being copied by hand.
//!
//! A share is `accord-share1…` (82 characters, lower case; upper case is read too) holding
//! `[version 1][threshold][set id: 4 bytes][x][y: 32 bytes]`. The bech32m checksum catches a
//! mistyped character; the threshold lets a short set be refused with how many are missing; the
//! set id (the first bytes of the SHA-256 of the recovery recipient, which is public) tells a
//! share of another instance from a share of this one. Shares from the same set that were
//! altered consistently still rebuild a wrong key: that is caught by comparing the rebuilt key's
//! recipient with the stored one.

use age::secrecy::SecretString;
use bech32::primitives::decode::CheckedHrpstring;
use bech32::{Bech32m, Hrp};
use blahaj::{Share, Sharks};
use sha2::{Digest, Sha256};
use zeroize::{Zeroize, Zeroizing};

use crate::VaultError;
use crate::keys::Identity;

const HRP: &str = "accord-share";
const VERSION: u8 = 1;
const LEN: usize = 1 + 1 + 4 + 1 + 32;

/// The first four bytes of the SHA-256 of the recovery recipient.
fn set_id(recipient: &str) -> [u8; 4] {
    let digest = Sha256::new()
        .chain_update(b"accord recovery share set\0")
        .chain_update(recipient.as_bytes())
        .finalize();
    [digest[0], digest[1], digest[2], digest[3]]
}

pub(crate) fn split(
    identity: &Identity,
    shares: u8,
    threshold: u8,
) -> Result<Vec<SecretString>, VaultError> {
    let bad = |reason| VaultError::BadSplit {
        shares,
        threshold,
        reason,
    };
    if threshold < 2 {
        return Err(bad(
            "the threshold must be at least 2 (without shares, the key is printed whole)",
        ));
    }
    if threshold > shares {
        return Err(bad("the threshold cannot exceed the number of shares"));
    }
    let seed = identity.seed()?;
    let set = set_id(identity.recipient());
    let hrp = Hrp::parse_unchecked(HRP);
    Sharks(threshold)
        .dealer(seed.as_slice())
        .take(usize::from(shares))
        .map(|share| {
            let mut bytes = Zeroizing::new(Vec::with_capacity(LEN));
            bytes.push(VERSION);
            bytes.push(threshold);
            bytes.extend_from_slice(&set);
            bytes.extend(Vec::from(&share));
            let mut text = bech32::encode_lower::<Bech32m>(hrp, &bytes)
                .map_err(|e| VaultError::Age(format!("a share does not encode: {e}")))?;
            let secret = SecretString::from(text.clone());
            text.zeroize();
            Ok(secret)
        })
        .collect()
}

/// One share as given, checked.
struct Parsed {
    threshold: u8,
    share: Share,
}

fn parse(position: usize, text: &str, set: [u8; 4]) -> Result<Parsed, VaultError> {
    let bad = |reason: &str| VaultError::BadShare {
        position,
        reason: reason.to_owned(),
    };
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let text = Zeroizing::new(text);
    let checked = CheckedHrpstring::new::<Bech32m>(&text).map_err(|_| {
        bad("it is not an Accord recovery share, or a character in it is wrong or missing")
    })?;
    if !checked.hrp().as_str().eq_ignore_ascii_case(HRP) {
        return Err(bad("it is not an Accord recovery share (accord-share1…)"));
    }
    let bytes: Zeroizing<Vec<u8>> = Zeroizing::new(checked.byte_iter().collect());
    if bytes.len() != LEN || bytes[0] != VERSION {
        return Err(bad("it is a recovery share of another format"));
    }
    if bytes[2..6] != set {
        return Err(bad(
            "it belongs to another recovery key (another instance, or an earlier `keys init`)",
        ));
    }
    let share = Share::try_from(&bytes[6..]).map_err(bad)?;
    Ok(Parsed {
        threshold: bytes[1],
        share,
    })
}

pub(crate) fn rebuild(texts: &[&str], recipient: &str) -> Result<Identity, VaultError> {
    let set = set_id(recipient);
    let mut parsed: Vec<Parsed> = Vec::with_capacity(texts.len());
    for (i, text) in texts.iter().enumerate() {
        let share = parse(i + 1, text, set)?;
        if let Some(first) = parsed.first()
            && first.threshold != share.threshold
        {
            return Err(VaultError::BadShare {
                position: i + 1,
                reason: format!(
                    "it says {} shares are needed where share 1 says {}",
                    share.threshold, first.threshold
                ),
            });
        }
        if let Some(same) = parsed.iter().position(|p| p.share.x == share.share.x) {
            return Err(VaultError::BadShare {
                position: i + 1,
                reason: format!("it is share {} again", same + 1),
            });
        }
        parsed.push(share);
    }
    let Some(threshold) = parsed.first().map(|p| p.threshold) else {
        return Err(VaultError::TooFewShares {
            given: 0,
            needed: 2,
        });
    };
    if parsed.len() < usize::from(threshold) {
        return Err(VaultError::TooFewShares {
            given: parsed.len(),
            needed: threshold,
        });
    }
    let shares: Vec<Share> = parsed.into_iter().map(|p| p.share).collect();
    let secret = Zeroizing::new(
        Sharks(threshold)
            .recover(&shares)
            .map_err(|_| VaultError::WrongRecoveryKey)?,
    );
    let seed: &[u8; 32] = secret
        .as_slice()
        .try_into()
        .map_err(|_| VaultError::WrongRecoveryKey)?;
    Identity::from_seed(seed)
}
