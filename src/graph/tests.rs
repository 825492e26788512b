//! End-to-end tests of `build` on small hand-made tables.

use super::*;

const FIRST: usize = 0;
const LAST: usize = 1;
const DATE: usize = 2;
const DOB: usize = 3;
const AMOUNT: usize = 4;
const QUANTITY: usize = 5;
const EMAIL: usize = 6;
const LAT: usize = 7;
const LON: usize = 8;
const NUMBER: usize = 9;
const CITY: usize = 10;
const POSTAL: usize = 11;
const STATE: usize = 12;
const COUNTRY: usize = 13;
const L: usize = 14;

fn hand_prior() -> Prior {
    let mut m = vec![0.0f32; L * L];
    let mut set = |a: usize, b: usize, v: f32| {
        m[a * L + b] = v;
        m[b * L + a] = v;
    };
    set(FIRST, LAST, 2.0);
    set(FIRST, DOB, 1.5);
    set(LAST, DOB, 1.5);
    set(FIRST, EMAIL, 1.5);
    set(LAST, EMAIL, 1.5);
    set(DOB, EMAIL, 1.0);
    set(DATE, AMOUNT, 0.5);
    set(DATE, QUANTITY, 0.5);
    set(DOB, AMOUNT, -1.0);
    set(DOB, QUANTITY, -1.0);
    set(AMOUNT, QUANTITY, 1.5);
    set(LAT, LON, 3.0);
    set(NUMBER, LON, -0.5);
    set(CITY, POSTAL, 1.5);
    set(CITY, STATE, 1.5);
    set(POSTAL, STATE, 1.5);
    set(CITY, COUNTRY, 0.3);
    set(POSTAL, COUNTRY, 0.2);
    Prior::new(L, m).unwrap()
}

/// `(header, [(label, prob)])`; the rest of the mass is spread evenly over the other labels.
struct Table {
    headers: Vec<Vec<String>>,
    probs: Vec<Vec<f32>>,
    sigs: Vec<Signature>,
}

impl Table {
    fn new(cols: &[(&str, &[(usize, f32)])]) -> Table {
        let headers = cols
            .iter()
            .map(|(h, _)| h.split('_').filter(|t| !t.is_empty()).map(str::to_string).collect())
            .collect();
        let probs = cols
            .iter()
            .map(|(_, ps)| {
                let given: f32 = ps.iter().map(|x| x.1).sum();
                let rest = (1.0 - given).max(0.0) / (L - ps.len()) as f32;
                let mut v = vec![rest; L];
                for &(l, p) in ps.iter() {
                    v[l] = p;
                }
                v
            })
            .collect();
        // Distinct value sets per column, so values link nothing unless a test says so.
        let sigs = (0..cols.len())
            .map(|c| {
                let vals: Vec<String> = (0..50).map(|i| format!("c{c}v{i}")).collect();
                minhash(vals.iter().map(|s| s.as_bytes()))
            })
            .collect();
        Table { headers, probs, sigs }
    }

    fn nodes(&self) -> Vec<Node<'_>> {
        (0..self.probs.len())
            .map(|i| Node {
                position: i,
                header_tokens: &self.headers[i],
                probs: &self.probs[i],
                signature: &self.sigs[i],
            })
            .collect()
    }

    fn build(&self, prior: &Prior) -> ColumnGraph {
        build(&self.nodes(), prior, &Params::default()).unwrap()
    }
}

fn top(v: &[f32]) -> usize {
    refine::argmax(v)
}

const AMBIGUOUS: &[(usize, f32)] = &[(DATE, 0.55), (DOB, 0.45)];

#[test]
fn date_beside_names_becomes_date_of_birth() {
    for cols in [
        [
            ("first_name", &[(FIRST, 0.98)][..]),
            ("date", AMBIGUOUS),
            ("last_name", &[(LAST, 0.98)][..]),
        ],
        [
            ("first_name", &[(FIRST, 0.98)][..]),
            ("last_name", &[(LAST, 0.98)][..]),
            ("date", AMBIGUOUS),
        ],
    ] {
        let t = Table::new(&cols);
        let g = t.build(&hand_prior());
        let x = cols.iter().position(|c| c.0 == "date").unwrap();
        assert_eq!(top(&g.refined[x]), DOB, "{:?}", g.refined[x]);
        // The names stay names.
        for (i, c) in cols.iter().enumerate() {
            if i != x {
                assert_eq!(top(&g.refined[i]), c.1[0].0);
            }
        }
        // Both name columns explain the flip, strongest first.
        let inf = &g.influences[x];
        assert_eq!(inf.len(), 2, "{inf:?}");
        assert!(inf[0].pull >= inf[1].pull && inf[1].pull > 0.0);
        let mut who: Vec<usize> = inf.iter().map(|i| i.neighbour).collect();
        who.sort_unstable();
        let mut names: Vec<usize> = (0..3).filter(|&i| i != x).collect();
        names.sort_unstable();
        assert_eq!(who, names);
        for (i, r) in g.refined.iter().enumerate() {
            let s: f32 = r.iter().sum();
            assert!((s - 1.0).abs() < 1e-5, "column {i} sums to {s}");
        }
    }
}

#[test]
fn date_among_numbers_stays_date() {
    let t = Table::new(&[
        ("amount", &[(AMOUNT, 0.95)]),
        ("date", AMBIGUOUS),
        ("quantity", &[(QUANTITY, 0.95)]),
    ]);
    let g = t.build(&hand_prior());
    assert_eq!(top(&g.refined[1]), DATE);
    assert!(g.refined[1][DATE] > 0.55, "{:?}", g.refined[1]);
    assert!(g.influences[1].iter().all(|i| i.pull > 0.0));
}

#[test]
fn confident_column_does_not_flip() {
    let t = Table::new(&[
        ("first_name", &[(FIRST, 0.98)]),
        ("date", &[(DATE, 0.97), (DOB, 0.03)]),
        ("last_name", &[(LAST, 0.98)]),
        ("email", &[(EMAIL, 0.98)]),
    ]);
    let strong = Params {
        strength: 1.0,
        ..Params::default()
    };
    let g = build(&t.nodes(), &hand_prior(), &strong).unwrap();
    assert_eq!(top(&g.refined[1]), DATE);
    assert!(g.refined[1][DATE] > 0.9, "{:?}", g.refined[1]);
    // Its neighbours pull towards date_of_birth, so none is listed as pulling towards date, and
    // the confident name columns barely move, so they list nothing either.
    assert!(g.influences[1].is_empty(), "{:?}", g.influences[1]);
    assert!(g.influences[0].is_empty(), "{:?}", g.influences[0]);
}

#[test]
fn latitude_and_longitude_confirm_each_other() {
    let t = Table::new(&[("lat", &[(NUMBER, 0.5), (LAT, 0.45)]), ("lng", &[(LON, 0.9)])]);
    let g = t.build(&hand_prior());
    assert_eq!(top(&g.refined[0]), LAT, "{:?}", g.refined[0]);
    assert!(g.refined[1][LON] >= 0.9);
    assert_eq!(g.influences[0][0].neighbour, 1);
}

#[test]
fn two_letter_code_between_city_and_zip_leans_to_state() {
    let t = Table::new(&[
        ("city", &[(CITY, 0.95)]),
        ("code", &[(COUNTRY, 0.5), (STATE, 0.45)]),
        ("postal_code", &[(POSTAL, 0.95)]),
    ]);
    let g = t.build(&hand_prior());
    assert_eq!(top(&g.refined[1]), STATE, "{:?}", g.refined[1]);
    // Without the neighbours it stays a country code.
    let alone = Table::new(&[("code", &[(COUNTRY, 0.5), (STATE, 0.45)])]);
    assert_eq!(top(&alone.build(&hand_prior()).refined[0]), COUNTRY);
}

#[test]
fn evidence_propagates_along_a_chain() {
    // first_name, ambiguous date, ambiguous date: the far one has only the near one as a strong
    // neighbour, which is pulled towards date_of_birth by the names and passes that on.
    let t = Table::new(&[
        ("first_name", &[(FIRST, 0.98)]),
        ("last_name", &[(LAST, 0.98)]),
        ("d1", &[(DATE, 0.5), (DOB, 0.5)]),
        ("d2", &[(DATE, 0.5), (DOB, 0.5)]),
    ]);
    let g = t.build(&hand_prior());
    assert_eq!(top(&g.refined[2]), DOB);
    assert!(g.refined[2][DOB] > g.refined[3][DOB]);
    assert!(g.refined[3][DOB] > 0.5);
}

#[test]
fn neutral_prior_never_changes_argmax() {
    let t = random_table(30, L, 7);
    let g = build(&t.nodes(), &Prior::neutral(L), &Params::default()).unwrap();
    for (p, q) in t.probs.iter().zip(&g.refined) {
        assert_eq!(top(p), top(q));
        for (a, b) in p.iter().zip(q) {
            assert!((a - b).abs() < 1e-5);
        }
    }
    assert!(g.influences.iter().all(Vec::is_empty));
    assert!(g.edges.iter().all(|e| e.why.labels == 0.0));
    assert!(!g.edges.is_empty());
}

#[test]
fn deterministic_bit_for_bit() {
    let t = random_table(50, 40, 3);
    let prior = random_prior(40, 11);
    let a = build(&t.nodes(), &prior, &Params::default()).unwrap();
    let b = build(&t.nodes(), &prior, &Params::default()).unwrap();
    assert_eq!(a, b);
    let bits = |g: &ColumnGraph| -> Vec<u32> {
        g.refined
            .iter()
            .flatten()
            .chain(&g.rank)
            .chain(g.edges.iter().map(|e| &e.weight))
            .map(|x| x.to_bits())
            .collect()
    };
    assert_eq!(bits(&a), bits(&b));
}

#[test]
fn edges_are_sorted_and_in_range() {
    let t = random_table(50, 40, 5);
    let g = build(&t.nodes(), &random_prior(40, 2), &Params::default()).unwrap();
    assert!(g.edges.windows(2).all(|w| (w[0].a, w[0].b) < (w[1].a, w[1].b)));
    for e in &g.edges {
        assert!(e.a < e.b && e.b < 50);
        assert!(e.weight >= 0.05 && e.weight <= 2.0, "{e:?}");
        assert!((0.0..=1.0).contains(&e.why.header));
        assert!((0.0..=1.0).contains(&e.why.values));
        assert_eq!(e.why.adjacent, e.b == e.a + 1);
    }
    for inf in &g.influences {
        assert!(inf.len() <= 3);
        assert!(inf.windows(2).all(|w| w[0].pull >= w[1].pull));
        assert!(inf.iter().all(|i| i.pull > 0.0));
    }
    let s: f32 = g.rank.iter().sum();
    assert!((s - 1.0).abs() < 1e-5);
}

#[test]
fn hub_column_ranks_highest_and_rank_sums_to_one() {
    // Column 4 holds ids 0..400; columns 0 and 8 each hold one half of them (foreign keys).
    let mut t = Table::new(&[("x", &[(NUMBER, 0.9)][..]); 9]);
    let ids = |r: std::ops::Range<usize>| {
        let v: Vec<String> = r.map(|i| i.to_string()).collect();
        minhash(v.iter().map(|s| s.as_bytes()))
    };
    t.headers = (0..9).map(|i| vec![format!("h{i}")]).collect();
    t.sigs[4] = ids(0..400);
    t.sigs[0] = ids(0..200);
    t.sigs[8] = ids(200..400);
    let g = t.build(&Prior::neutral(L));
    let s: f32 = g.rank.iter().sum();
    assert!((s - 1.0).abs() < 1e-5);
    let best = top(&g.rank);
    assert_eq!(best, 4, "{:?}", g.rank);
    assert!(g.rank[4] > g.rank[3] * 1.1);
    assert!(g.edges.iter().any(|e| (e.a, e.b) == (0, 4) && e.why.values > 0.2));
}

#[test]
fn no_edges_gives_uniform_rank() {
    let mut t = Table::new(&[("x", &[(NUMBER, 0.9)][..]); 10]);
    t.headers = (0..10).map(|i| vec![format!("h{i}")]).collect();
    let p = Params {
        min_edge: 5.0,
        ..Params::default()
    };
    let g = build(&t.nodes(), &hand_prior(), &p).unwrap();
    assert!(g.edges.is_empty());
    assert_eq!(g.rank, vec![0.1; 10]);
}

#[test]
fn zero_and_one_column() {
    let g = build(&[], &hand_prior(), &Params::default()).unwrap();
    assert_eq!(g, ColumnGraph::default());
    let g = build(&[], &Prior::neutral(0), &Params::default()).unwrap();
    assert!(g.rank.is_empty());

    let t = Table::new(&[("email", &[(EMAIL, 0.6)])]);
    let g = t.build(&hand_prior());
    assert!(g.edges.is_empty());
    assert_eq!(g.rank, vec![1.0]);
    assert_eq!(g.influences, vec![Vec::<Influence>::new()]);
    assert_eq!(top(&g.refined[0]), EMAIL);
    assert!((g.refined[0][EMAIL] - 0.6).abs() < 1e-6);
}

#[test]
fn bad_inputs_are_errors() {
    let t = Table::new(&[("a", &[(FIRST, 0.9)]), ("b", &[(LAST, 0.9)])]);
    let prior = hand_prior();
    let params = Params::default();
    let sig = t.sigs[0];
    let node = |probs: &'static [f32]| Node {
        position: 0,
        header_tokens: &[],
        probs,
        signature: &sig,
    };
    let good = t.nodes()[0];

    let mut nan = [0.1f32; L];
    nan[3] = f32::NAN;
    let nan: &'static [f32] = Box::leak(Box::new(nan));
    assert_eq!(
        build(&[good, node(nan)], &prior, &params),
        Err(GraphError::NonFiniteProbability { column: 1, label: 3 })
    );
    assert_eq!(
        build(&[node(&[0.5, 0.5])], &prior, &params),
        Err(GraphError::LabelCountMismatch {
            column: 0,
            expected: L,
            found: 2
        })
    );
    let mut neg = [0.0f32; L];
    neg[0] = -0.5;
    neg[1] = 1.5;
    let neg: &'static [f32] = Box::leak(Box::new(neg));
    assert!(matches!(
        build(&[node(neg)], &prior, &params),
        Err(GraphError::NegativeProbability {
            column: 0,
            label: 0,
            ..
        })
    ));
    let logits: &'static [f32] = &[3.0; L];
    assert!(matches!(
        build(&[node(logits)], &prior, &params),
        Err(GraphError::ProbabilitiesNotNormalised { column: 0, .. })
    ));
    let inf: &'static [f32] = &[f32::INFINITY; L];
    assert!(build(&[node(inf)], &prior, &params).is_err());
    assert_eq!(build(&[good], &Prior::neutral(0), &params), Err(GraphError::NoLabels));

    for bad in [
        Params {
            strength: f32::NAN,
            ..params
        },
        Params {
            strength: -1.0,
            ..params
        },
        Params {
            strength: 1e30,
            ..params
        },
        Params { damping: 1.0, ..params },
        Params {
            damping: f32::NAN,
            ..params
        },
        Params {
            min_edge: f32::INFINITY,
            ..params
        },
        Params {
            iterations: usize::MAX,
            ..params
        },
    ] {
        let e = build(&t.nodes(), &prior, &bad).unwrap_err();
        assert!(matches!(e, GraphError::InvalidParam { .. }));
        assert!(!e.to_string().is_empty());
    }
    // Zero iterations or strength: probabilities pass through unchanged.
    for p in [
        Params {
            iterations: 0,
            ..params
        },
        Params {
            strength: 0.0,
            ..params
        },
    ] {
        let g = build(&t.nodes(), &prior, &p).unwrap();
        for (r, p) in g.refined.iter().zip(&t.probs) {
            for (a, b) in r.iter().zip(p) {
                assert!((a - b).abs() < 1e-6);
            }
        }
    }
}

#[test]
fn extreme_valid_settings_stay_finite() {
    let t = random_table(20, L, 4);
    let mut probs = t.probs.clone();
    probs[3] = vec![0.0; L];
    probs[3][5] = 1.0; // exact zeros and a one
    probs[4] = vec![1.0 / L as f32; L]; // uniform
    let nodes: Vec<Node> = (0..20)
        .map(|i| Node {
            position: i,
            header_tokens: &t.headers[i],
            probs: &probs[i],
            signature: &t.sigs[i],
        })
        .collect();
    for params in [
        Params {
            strength: MAX_STRENGTH,
            iterations: MAX_ITERATIONS,
            damping: 0.0,
            min_edge: 0.0,
        },
        Params {
            strength: 0.0,
            iterations: 1,
            damping: 0.999,
            min_edge: 1.9,
        },
    ] {
        let g = build(&nodes, &hand_prior(), &params).unwrap();
        for r in &g.refined {
            assert!(r.iter().all(|x| x.is_finite() && *x >= 0.0));
            assert!((r.iter().sum::<f32>() - 1.0).abs() < 1e-4);
        }
        assert!(g.rank.iter().all(|x| x.is_finite() && *x > 0.0));
        assert!((g.rank.iter().sum::<f32>() - 1.0).abs() < 1e-4);
    }
}

#[test]
fn error_messages_say_what_to_do() {
    let e = GraphError::LabelCountMismatch {
        column: 2,
        expected: 40,
        found: 39,
    };
    let s = e.to_string();
    assert!(s.contains("column 2") && s.contains("39") && s.contains("40"));
    assert!(GraphError::ProbabilitiesNotNormalised { column: 0, sum: 3.0 }
        .to_string()
        .contains("softmax"));
}

#[test]
fn empty_and_odd_headers_and_signatures() {
    let mut t = random_table(8, L, 9);
    t.headers = vec![Vec::new(); 8];
    t.headers[3] = vec![String::new(), "  ".to_string(), "ÉMAIL".to_string()];
    t.sigs = vec![EMPTY_SIGNATURE; 8];
    let g = t.build(&hand_prior());
    assert_eq!(g.refined.len(), 8);
    assert!(g.edges.iter().all(|e| e.why.values == 0.0 && e.why.header == 0.0));
}

// ---- deterministic pseudo-random inputs ----

struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> f32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 40) as f32) / (1u64 << 24) as f32
    }
}

fn random_table(n: usize, l: usize, seed: u64) -> Table {
    let mut r = Lcg(seed);
    let words = [
        "id", "name", "first", "last", "date", "zip", "city", "billing", "ship", "phone",
    ];
    let mut t = Table::new(&[]);
    for c in 0..n {
        let k = 1 + (r.next() * 2.0) as usize;
        t.headers.push(
            (0..k)
                .map(|_| words[(r.next() * words.len() as f32) as usize % words.len()].to_string())
                .collect(),
        );
        let mut p: Vec<f32> = (0..l).map(|_| r.next().powi(6)).collect();
        let s: f32 = p.iter().sum();
        p.iter_mut().for_each(|x| *x /= s);
        t.probs.push(p);
        let base = (r.next() * 4.0) as usize;
        let vals: Vec<String> = (0..60).map(|i| format!("{}", base * 30 + i + c % 2)).collect();
        t.sigs.push(minhash(vals.iter().map(|s| s.as_bytes())));
    }
    t
}

fn random_prior(l: usize, seed: u64) -> Prior {
    let mut r = Lcg(seed);
    let mut m = vec![0.0f32; l * l];
    for a in 0..l {
        for b in a..l {
            let v = (r.next() * 6.0 - 3.0) * 0.7;
            m[a * l + b] = v;
            m[b * l + a] = v;
        }
    }
    Prior::new(l, m).unwrap()
}

#[test]
fn garbage_never_panics() {
    let mut r = Lcg(99);
    let prior = random_prior(6, 1);
    let specials = [f32::NAN, f32::INFINITY, -1.0, 0.0, 1.0, 1e-40, 2.0];
    for case in 0..300 {
        let n = (r.next() * 6.0) as usize;
        let t = random_table(n, 6, case);
        let mut probs = t.probs.clone();
        for p in probs.iter_mut() {
            if r.next() < 0.2 {
                let k = (r.next() * p.len() as f32) as usize % p.len().max(1);
                if let Some(x) = p.get_mut(k) {
                    *x = specials[(r.next() * 7.0) as usize % 7];
                }
            }
            if r.next() < 0.1 {
                p.truncate((r.next() * 6.0) as usize);
            }
        }
        let sigs: Vec<Signature> = (0..n)
            .map(|i| {
                let mut s = t.sigs[i];
                if r.next() < 0.3 {
                    s[(r.next() * 16.0) as usize % 16] = u32::MAX;
                }
                s
            })
            .collect();
        let nodes: Vec<Node> = (0..n)
            .map(|i| Node {
                position: i,
                header_tokens: &t.headers[i],
                probs: &probs[i],
                signature: &sigs[i],
            })
            .collect();
        let params = Params {
            strength: r.next() * 12.0 - 1.0,
            iterations: (r.next() * 8.0) as usize,
            damping: r.next() * 1.2 - 0.1,
            min_edge: r.next() * 2.5 - 0.2,
        };
        if let Ok(g) = build(&nodes, &prior, &params) {
            assert_eq!(g.refined.len(), n);
            assert!(g.refined.iter().flatten().all(|x| x.is_finite()));
            assert!(g.rank.iter().all(|x| x.is_finite()));
        }
    }
}
