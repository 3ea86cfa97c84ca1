import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRef,
  PDFString,
  StandardFonts,
  rgb,
} from '@cantoo/pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPdfFile } from '../../shared/pdf/pdfFile';
import { documentView } from '../../shared/pdf/pdfDocumentView';
import { isRef } from '../../shared/pdf/pdfValues';
import { loadForSigning } from '../../shared/signing/signaturePlaceholder';
import type { Signer } from '../../shared/signing/signingTypes';
import type { SignerRole } from '../../shared/domain/signerRole';
import { issueCertificate, issueCrl, webCryptoSigner } from '../support/pkijsCertificates';
import { appendRevision, lastTrailer, objectBody } from '../support/pdfUpdates';
import {
  createRecordPki,
  genuineSigners,
  recordNaming,
  recordSigning,
  type RecordPki,
  type RecordSigning,
} from '../support/signedRecordFixture';

/**
 * The verifier tried as an attacker would (issue 8): forged signers, changes slipped in with or
 * after a genuine signature, hidden objects, broken cross-references. Each must be refused with
 * the reason a teacher can read; the genuine record must stay valid.
 */
let pki: RecordPki;
let signing: RecordSigning;
let signers: Readonly<Record<SignerRole, Signer>>;
let teacherSigned: Uint8Array;
let principalSigned: Uint8Array;
let complete: Uint8Array;

function chainOf(leafDer: Uint8Array): Signer['certificateChain'] {
  return [leafDer, pki.intermediate.der];
}

describe('the verifier against forged and tampered học bạ', () => {
  beforeAll(async () => {
    pki = await createRecordPki();
    signing = await recordSigning(pki, recordNaming(pki));
    signers = genuineSigners(pki);
    teacherSigned = await signing.sign(signing.rendered.pdf, 'homeroomTeacher', signers.homeroomTeacher);
    principalSigned = await signing.sign(teacherSigned, 'principal', signers.principal);
    complete = await signing.sign(principalSigned, 'schoolSeal', signers.schoolSeal);
  });

  it('accepts the genuine record, signed in order by the people it names', async () => {
    const report = await signing.verify(complete);
    expect(report.status).toBe('complete');
    expect(report.signers.map((signer) => signer.role)).toEqual([
      'homeroomTeacher',
      'principal',
      'schoolSeal',
    ]);
    expect(report.signatureReport.signatures[0]?.certification).toBe(2);
  });

  it('refuses self-signed certificates named after the teacher, the principal and the school, carrying the real intermediate', async () => {
    const notBefore = new Date(Date.now() - 86_400_000);
    const notAfter = new Date(Date.now() + 86_400_000 * 30);
    let pdf = signing.rendered.pdf;
    for (const [role, name] of [
      ['homeroomTeacher', pki.names.teacher],
      ['principal', pki.names.principal],
      ['schoolSeal', pki.names.school],
    ] as const) {
      const forged = await issueCertificate({ subject: name, notBefore, notAfter, keys: pki.teacher.keys });
      const signer: Signer = { ...signers[role], certificateChain: chainOf(forged.der) };
      pdf = await signing.sign(pdf, role, signer);
    }
    const report = await signing.verify(pdf);
    expect(report.status).toBe('invalid');
    expect(report.verdict).toContain(`Chứng thư “${pki.names.teacher}” tự ký cho chính nó`);
    for (const signature of report.signatureReport.signatures)
      expect(signature.checks.find((check) => check.check === 'chain')?.ok).toBe(false);
  });

  it('refuses a signer whose certificate names the intermediate but was signed by another key', async () => {
    const forged = await issueCertificate({
      subject: pki.names.teacher,
      claimedIssuer: pki.intermediate,
      notBefore: new Date(Date.now() - 86_400_000),
      notAfter: new Date(Date.now() + 86_400_000),
      keys: pki.teacher.keys,
    });
    const pdf = await signing.sign(signing.rendered.pdf, 'homeroomTeacher', {
      ...signers.homeroomTeacher,
      certificateChain: chainOf(forged.der),
    });
    const report = await signing.verify(pdf);
    expect(report.status).toBe('invalid');
    expect(report.verdict).toContain('không được “CA Trung Gian Thử Nghiệm” ký thật');
  });

  it('refuses a signer issued by an end-entity certificate', async () => {
    const endEntity = await pki.issue('Một giáo viên khác');
    const leaf = await issueCertificate({
      subject: pki.names.teacher,
      issuer: endEntity,
      notBefore: new Date(Date.now() - 86_400_000),
      notAfter: new Date(Date.now() + 86_400_000),
      keys: pki.teacher.keys,
    });
    const pdf = await signing.sign(signing.rendered.pdf, 'homeroomTeacher', {
      ...signers.homeroomTeacher,
      certificateChain: [leaf.der, endEntity.der, pki.intermediate.der],
    });
    const report = await signing.verify(pdf);
    expect(report.status).toBe('invalid');
    expect(report.verdict).toContain('“Một giáo viên khác” không phải tổ chức chứng thực');
  });

  it('refuses text drawn over every page in the same update as a genuine principal signature (shadow attack)', async () => {
    const document = await loadForSigning(teacherSigned);
    const font = await document.embedFont(StandardFonts.Helvetica);
    for (const page of document.getPages())
      page.drawText('Hoan thanh xuat sac', { x: 200, y: 400, size: 24, font, color: rgb(0, 0, 0) });
    const pdf = await signing.sign(teacherSigned, 'principal', signers.principal, { document });
    const report = await signing.verify(pdf);
    // The principal's signature itself is sound: it is what its revision changed that is refused.
    expect(report.signatureReport.signatures.map((signature) => signature.valid)).toEqual([true, true]);
    expect(report.status).toBe('invalid');
    const problems = report.signatureReport.checks.filter((check) => !check.ok).map((check) => check.message);
    for (const page of [1, 2, 3])
      expect(problems.join('\n')).toContain(`Phiên bản 3 của tệp đã sửa trang ${page}`);
    expect(report.verdict).toMatch(/^Học bạ KHÔNG hợp lệ: Phiên bản 3 của tệp đã sửa trang 1/);
  });

  it('refuses a FreeText annotation laid over the result in an update after the signatures', async () => {
    const doc = await PDFDocument.load(complete, { forIncrementalUpdate: true, updateMetadata: false });
    const page = doc.getPages()[2];
    if (!page) throw new Error('no third page');
    const note = doc.context.register(
      doc.context.obj({
        Type: 'Annot',
        Subtype: 'FreeText',
        Rect: [40, 700, 400, 730],
        Contents: PDFString.of('Hoan thanh xuat sac'),
        DA: PDFString.of('/Helv 14 Tf 0 g'),
      }),
    );
    const annots = page.node.lookup(PDFName.of('Annots'), PDFArray);
    annots.push(note);
    const pdf = await doc.save();
    const report = await signing.verify(pdf);
    expect(report.status).toBe('invalid');
    expect(report.verdict).toContain('đã thêm chú thích loại FreeText vào trang 3');
  });

  it('refuses a later revision that fills a signed box again or adds a signature field of its own', async () => {
    const file = readPdfFile(complete);
    const view = documentView(file, file.revisions.length - 1);
    const teacherField = view.fields.find((field) => field.name === 'Sig_gvcn');
    const principalField = view.fields.find((field) => field.name === 'Sig_hieutruong');
    if (!teacherField || !principalField) throw new Error('fields missing');
    const principalValue = principalField.value;
    if (!isRef(principalValue)) throw new Error('principal value is not a reference');
    const body = objectBody(complete, teacherField.ref.num).replace(
      /\/V \d+ 0 R/,
      `/V ${principalValue.num} 0 R`,
    );
    const overwritten = appendRevision(complete, [{ num: teacherField.ref.num, body }]);
    expect((await signing.verify(overwritten)).verdict).toContain(
      'đã ghi đè chữ ký đã có trong ô ký “Sig_gvcn”',
    );

    const doc = await PDFDocument.load(complete, { forIncrementalUpdate: true, updateMetadata: false });
    const widget = doc.context.register(
      doc.context.obj({
        Type: 'Annot',
        Subtype: 'Widget',
        FT: 'Sig',
        T: PDFString.of('Sig_them'),
        Rect: [40, 40, 200, 100],
        P: doc.getPages()[2]?.ref ?? null,
      }),
    );
    doc.getPages()[2]?.node.lookup(PDFName.of('Annots'), PDFArray).push(widget);
    const form = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
    form.lookup(PDFName.of('Fields'), PDFArray).push(widget);
    const added = await doc.save();
    expect((await signing.verify(added)).verdict).toContain('thêm một ô ký mới ngoài ba ô học bạ dành sẵn');
  });

  it('reads the role from the reserved field: the principal’s certificate in the teacher’s box is not the teacher', async () => {
    const pdf = await signing.sign(signing.rendered.pdf, 'homeroomTeacher', signers.principal);
    const report = await signing.verify(pdf);
    expect(report.signers[0]?.role).toBe('homeroomTeacher');
    expect(report.status).toBe('invalid');
    expect(report.verdict).toContain(
      `Ô ký của Giáo viên chủ nhiệm: Chứng thư số mang tên “${pki.names.principal}”, không phải “${pki.names.teacher}”`,
    );
  });

  it('refuses signatures out of order: the principal before the teacher', async () => {
    const pdf = await signing.sign(signing.rendered.pdf, 'principal', signers.principal);
    const report = await signing.verify(pdf);
    expect(report.status).toBe('invalid');
    expect(report.verdict).toContain('không đúng thứ tự');
  });

  it('refuses an update that hides an object from its cross-reference table, or points into an older revision', async () => {
    const hidden = appendRevision(complete, [], {
      unlisted: [{ num: 900, body: '<< /Type /Annot /Subtype /FreeText /Rect [0 0 600 800] >>' }],
    });
    expect((await signing.verify(hidden)).verdict).toContain('có phần nội dung bị giấu');
    const file = readPdfFile(complete);
    const first = file.revisions[0];
    const info = first?.trailer.entries.get('Info');
    if (!first || !isRef(info)) throw new Error('no info');
    // Re-list the first revision's information dictionary as if the update had written it.
    const stale = appendRevision(complete, [], {
      pointAt: { [info.num]: file.object(info.num, 0)?.offset ?? 0 },
    });
    expect((await signing.verify(stale)).verdict).toContain('có phần nội dung bị giấu');
  });

  it('refuses a repeated dictionary key, junk between objects and an encrypted trailer', async () => {
    const repeated = appendRevision(complete, [{ num: 901, body: '<< /Type /Annot /Type /Widget >>' }]);
    expect((await signing.verify(repeated)).verdict).toContain('cấu trúc tệp không chuẩn');
    const junk = new Uint8Array([...complete, ...Buffer.from('\nxin chào\n', 'utf8')]);
    expect((await signing.verify(junk)).status).toBe('invalid');
    const encrypted = appendRevision(complete, [], { trailerExtra: ' /Encrypt << /Filter /Standard >>' });
    expect((await signing.verify(encrypted)).verdict).toContain('được mã hóa');
  });

  it('refuses a certificate that expired in 2024 signing a 2025-2026 record with /M set back to 2023', async () => {
    const lapsed = await pki.issue(pki.names.teacher, {
      notBefore: new Date('2022-01-01T00:00:00Z'),
      notAfter: new Date('2024-12-31T00:00:00Z'),
    });
    const pdf = await signing.sign(
      signing.rendered.pdf,
      'homeroomTeacher',
      webCryptoSigner(lapsed, [pki.intermediate]),
      {
        signingTime: new Date('2023-06-01T03:00:00Z'),
      },
    );
    const report = await signing.verify(pdf);
    expect(report.status).toBe('invalid');
    const time = report.signatureReport.signatures[0]?.checks.find((check) => check.check === 'signingTime');
    expect(time?.ok).toBe(false);
    expect(time?.message).toContain('01/06/2023');
    expect(report.signatureReport.signatures[0]?.time).toMatchObject({ basis: 'claimed', proven: false });
  });

  it('refuses a claimed signing time in the future', async () => {
    const pdf = await signing.sign(signing.rendered.pdf, 'homeroomTeacher', signers.homeroomTeacher, {
      signingTime: new Date(Date.now() + 30 * 86_400_000),
    });
    const report = await signing.verify(pdf);
    expect(report.status).toBe('invalid');
    expect(
      report.signatureReport.signatures[0]?.checks.find((check) => check.check === 'signingTime')?.ok,
    ).toBe(false);
  });

  it('uses a CRL carried in the file’s DSS: the revoked teacher fails, while a DSS-only update is allowed', async () => {
    const withCrl = async (crl: Uint8Array) => {
      const doc = await PDFDocument.load(complete, { forIncrementalUpdate: true, updateMetadata: false });
      const stream = doc.context.register(doc.context.flateStream(crl));
      doc.catalog.set(PDFName.of('DSS'), doc.context.obj({ CRLs: [stream] }));
      return doc.save({ useObjectStreams: false });
    };
    const clean = await signing.verify(await withCrl(await issueCrl(pki.intermediate, [])));
    expect(clean.status).toBe('complete');
    const revoked = await signing.verify(
      await withCrl(
        await issueCrl(pki.intermediate, [{ certificate: pki.teacher, at: new Date(Date.now() - 60_000) }]),
      ),
    );
    expect(revoked.status).toBe('invalid');
    const check = revoked.signatureReport.signatures[0]?.checks.find((entry) => entry.check === 'revocation');
    expect(check?.ok).toBe(false);
  });

  it('refuses a page rewritten after a DSS-only update listed its content stream as validation data', async () => {
    const dssDoc = await PDFDocument.load(complete, { forIncrementalUpdate: true, updateMetadata: false });
    const contents = dssDoc.getPages()[2]?.node.get(PDFName.of('Contents'));
    const first = contents instanceof PDFArray ? contents.get(0) : contents;
    if (!(first instanceof PDFRef)) throw new Error('no content stream');
    dssDoc.catalog.set(PDFName.of('DSS'), dssDoc.context.register(dssDoc.context.obj({ Certs: [first] })));
    const withDss = await dssDoc.save({ useObjectStreams: false });
    expect((await signing.verify(withDss)).status).toBe('complete');
    // Validation data itself may be updated in place later (an LTV tool run again).
    const again = await PDFDocument.load(withDss, { forIncrementalUpdate: true, updateMetadata: false });
    const dss = again.catalog.lookup(PDFName.of('DSS'), PDFDict);
    dss.set(PDFName.of('CRLs'), again.context.obj([again.context.register(again.context.flateStream('x'))]));
    const dssRef = again.catalog.get(PDFName.of('DSS'));
    if (dssRef instanceof PDFRef) again.context.snapshot?.markRefForSave(dssRef);
    expect((await signing.verify(await again.save({ useObjectStreams: false }))).status).toBe('complete');

    const doc = await PDFDocument.load(withDss, { forIncrementalUpdate: true, updateMetadata: false });
    doc.context.assign(first, doc.context.flateStream('BT /F1 24 Tf 100 700 Td (Hoan thanh xuat sac) Tj ET'));
    doc.context.snapshot?.markRefForSave(first);
    const report = await signing.verify(await doc.save({ useObjectStreams: false }));
    expect(report.status).toBe('invalid');
    expect(report.verdict).toContain('đã sửa nội dung trang 3');
  });

  it('refuses a page swap hidden in a DSS stream behind a catalog rewritten at another generation (review S1, S1b)', async () => {
    const root = Number(lastTrailer(complete).root.split(' ')[0]);
    const evil = 'BT /Fx 40 Tf 40 700 Td (GIA MAO: HOAN THANH XUAT SAC) Tj ET';
    const payload = `\n5 0 obj\n<< /Type /Page >>\nendobj\n6 0 obj\n<< /Length ${evil.length} >>\nstream\n${evil}\nendstream\nendobj\n`;
    const swapped = appendRevision(
      complete,
      [
        { num: root, gen: 1, body: objectBody(complete, root).replace(/>>\s*$/, ' /DSS 900 0 R >>') },
        { num: 900, body: '<< /Certs [901 0 R] >>' },
        { num: 901, body: `<< /Length ${payload.length} >>\nstream\n${payload}\nendstream` },
      ],
      { prefix: '\x00' },
    );
    expect((await signing.verify(swapped)).status).toBe('invalid');
    // The generation alone, with the same value, is refused too.
    const page = documentView(readPdfFile(complete), 0).pages[0]?.ref.num ?? 0;
    const regenerated = appendRevision(complete, [{ num: page, gen: 1, body: objectBody(complete, page) }]);
    expect((await signing.verify(regenerated)).status).toBe('invalid');
    // And an object header hidden in stream data, even at generation 0.
    const hidden = appendRevision(complete, [
      { num: root, body: objectBody(complete, root).replace(/>>\s*$/, ' /DSS 900 0 R >>') },
      { num: 900, body: '<< /Certs [901 0 R] >>' },
      { num: 901, body: `<< /Length ${payload.length} >>\nstream\n${payload}\nendstream` },
    ]);
    expect((await signing.verify(hidden)).verdict).toContain('có phần nội dung bị giấu');
  });

  it('refuses a reference to an object that does not exist, which a later update could fill (review S2)', async () => {
    const doc = await PDFDocument.load(signing.rendered.pdf, { updateMetadata: false });
    const page = doc.getPages()[0];
    if (!page) throw new Error('no page');
    const resources = page.node.lookup(PDFName.of('Resources'), PDFDict);
    const xobjects = resources.lookup(PDFName.of('XObject'), PDFDict);
    xobjects.set(PDFName.of('Zz'), PDFRef.of(950));
    const prepared = await doc.save({ useObjectStreams: false });
    let pdf = await signing.sign(prepared, 'homeroomTeacher', signers.homeroomTeacher);
    pdf = await signing.sign(pdf, 'principal', signers.principal);
    pdf = await signing.sign(pdf, 'schoolSeal', signers.schoolSeal);
    expect((await signing.verify(pdf)).verdict).toContain('có phần nội dung bị giấu');
  });

  it('ignores validation data it cannot read in a DSS-only update instead of failing the verification (review S3)', async () => {
    const root = Number(lastTrailer(complete).root.split(' ')[0]);
    for (const stream of [
      '<< /Length 3 /Filter /LZWDecode >>\nstream\nabc\nendstream',
      '<< /Length 3 /Filter /FlateDecode >>\nstream\nabc\nendstream',
    ]) {
      const pdf = appendRevision(complete, [
        { num: root, body: objectBody(complete, root).replace(/>>\s*$/, ' /DSS 900 0 R >>') },
        { num: 900, body: '<< /Certs [901 0 R] /CRLs [901 0 R] >>' },
        { num: 901, body: stream },
      ]);
      expect((await signing.verify(pdf)).status).toBe('complete');
    }
  });

  it('refuses a file prepared before signing with a drawing or an annotation the renderer never makes (review W4)', async () => {
    const signAll = async (prepared: Uint8Array) => {
      let pdf = await signing.sign(prepared, 'homeroomTeacher', signers.homeroomTeacher);
      pdf = await signing.sign(pdf, 'principal', signers.principal);
      return signing.sign(pdf, 'schoolSeal', signers.schoolSeal);
    };
    const withDrawing = await PDFDocument.load(signing.rendered.pdf, { updateMetadata: false });
    const firstPage = withDrawing.getPages()[0];
    if (!firstPage) throw new Error('no page');
    const form = withDrawing.context.register(
      withDrawing.context.flateStream('q 1 1 1 rg 0 0 595 842 re f Q', {
        Type: 'XObject',
        Subtype: 'Form',
        BBox: [0, 0, 595, 842],
      }),
    );
    firstPage.node
      .lookup(PDFName.of('Resources'), PDFDict)
      .lookup(PDFName.of('XObject'), PDFDict)
      .set(PDFName.of('Zz'), form);
    const drawn = await signing.verify(await signAll(await withDrawing.save({ useObjectStreams: false })));
    expect(drawn.status).toBe('invalid');
    expect(drawn.verdict).toContain('hình vẽ chèn thêm');

    const withNote = await PDFDocument.load(signing.rendered.pdf, { updateMetadata: false });
    const note = withNote.context.register(
      withNote.context.obj({
        Type: 'Annot',
        Subtype: 'FreeText',
        Rect: [40, 700, 400, 730],
        Contents: PDFString.of('HTXS'),
      }),
    );
    withNote.getPages()[2]?.node.lookup(PDFName.of('Annots'), PDFArray).push(note);
    const noted = await signing.verify(await signAll(await withNote.save({ useObjectStreams: false })));
    expect(noted.status).toBe('invalid');
    expect(noted.verdict).toContain('chú thích chèn thêm');
  });
});
