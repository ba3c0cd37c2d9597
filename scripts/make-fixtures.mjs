#!/usr/bin/env node
// Generates every test fixture into fixtures/ (run: `npm run fixtures`).
//
// The four consent forms below are fictional and were written for this project.
// Each form is described once as a list of blocks and rendered to PDF (laid out
// line by line here, with our own word wrap), to DOCX (docx package) and, for
// form 1, to plain text. The output is deterministic: fixed dates, a seeded
// Math.random while docx packs, and fixed zip timestamps, so re-running the
// script does not change committed files.
//
// Markup inside block text:
//   "par~ties"  forces a hyphenated line break in the PDF ("par-" / "ties").
//               Everywhere else the "~" is simply removed. The break must fall
//               at a natural line end or the script fails (reword the text).
//
// The script checks page counts and the page of every expected.json entry and
// fails if a wording change moves them.
//
// The checklist forms (fixtures/checklist/) each leave out known required
// elements. They are checked against an evidence pattern per checklist id, on
// the source text and again on the text pdf-parse or mammoth extract from the
// written file, so a wording change cannot silently add or drop an element. FIXTURES_DEBUG=1 prints each laid-out
// PDF line with its position and reports page mismatches instead of failing.

import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

process.env.TZ = "UTC";

import PDFDocument from "pdfkit";
import { AlignmentType, Document, Footer, Header, HeadingLevel, LevelFormat, Packer, PageNumber, Paragraph, TextRun } from "docx";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(ROOT, "fixtures");
const BAD = path.join(OUT, "bad");
const FIXED_DATE = new Date("2024-03-01T12:00:00Z");
const FIXED_MS = FIXED_DATE.getTime();

// ---------------------------------------------------------------------------
// Block helpers
// ---------------------------------------------------------------------------
const TITLE = (text) => ({ t: "title", text });
const SUB = (text) => ({ t: "sub", text });
const H = (text) => ({ t: "h", text });
const P = (text) => ({ t: "p", text });
const UL = (...items) => ({ t: "ul", items });
const OL = (...items) => ({ t: "ol", items });
const CHECK = (text) => ({ t: "check", text });
const OPTION = (text) => ({ t: "option", text });
const FIELD = (text) => ({ t: "field", text });
const NEWPAGE = { t: "newpage" };

const clean = (s) => s.replace(/~/g, "");

// ---------------------------------------------------------------------------
// Form 1: CT/MRI consent with AI / algorithm development section
// ---------------------------------------------------------------------------
const imaging = {
  name: "imaging-ai-consent",
  pdfPages: [3, 3],
  header: "Riverside Medical Center \u2014 Imaging Consent (Form IMG-204)",
  footerLines: (n, m) => [`Page ${n} of ${m}`, "Form IMG-204  Rev. 03/2024  Approved by the RMC Forms Committee  \u2014  Scan to chart"],
  blocks: [
    TITLE("Riverside Medical Center"),
    SUB("Consent for CT or MRI Examination and Optional Use of Images for Research and Algorithm Development"),
    FIELD("Patient Name: ______________________________   MRN: ______________   Date of Birth: ____________"),
    FIELD("Examination: [ ] CT   [ ] MRI   Body part: ______________________   Contrast: [ ] Yes   [ ] No"),
    H("About Your Examination"),
    P(
      "Your physician has ordered a computed tomography (CT) or magnetic resonance imaging (MRI) examination to help diagnose or monitor your condition. The examination creates detailed pictures of the inside of your body, which are reviewed by a board-certified radiologist at Riverside Medical Center, and a written report is sent to the clinician who ordered the test and placed in your electronic health record.",
    ),
    P(
      "Some examinations require a contrast agent that is given through a small intravenous (IV) line placed in a vein in your arm or hand. Contrast agents are generally safe, but they can occasionally cause nausea, a warm sensation, itching or hives and, rarely, a serious allergic reaction or injury to the kidneys in patients whose kidney function is already reduced.",
    ),
    H("Risks of the Examination"),
    P(
      "CT uses a small amount of ionizing radiation. The dose is kept as low as reasonably achievable for the information your physician needs, and the added lifetime risk of cancer from a single examination is very small. MRI does not use radiation but uses a strong magnetic field and radio waves, so metal objects in or on your body can be dangerous or can spoil the pictures.",
    ),
    P("Before your examination, please tell the technologist if any of the following applies to you:"),
    UL(
      "You are pregnant, think you may be pregnant, or are breastfeeding.",
      "You have had a reaction to contrast, iodine, or gadolinium in the past.",
      "You have kidney disease or diabetes, or you take metformin.",
      "You have a pacemaker, defibrillator, cochlear implant, nerve stimulator, medication pump, metal fragments, or any implant that has not been cleared for MRI.",
    ),
    H("Consent to the Examination"),
    P(
      "By signing this form, you consent to the examination described above and to the use of contrast if the radiologist decides that it is needed. You may ask questions at any time and you may ask the technologist to stop the examination. Your decision about the optional uses of your images described in the sections that follow will not affect your examination, and your care at Riverside Medical Center does not depend on whether you agree to those optional uses.",
    ),
    H("How Your Images Are Stored and Shared for Your Care"),
    P(
      "Your images and report become part of your medical record and are stored in the Riverside Picture Archiving and Communication System (PACS). Images are encrypted when they are stored and when they are sent between Riverside facilities. Under state law and hospital policy, diagnostic images of adult patients are kept for at least seven years after your last visit, and images that are no longer needed for your care or for any approved purpose are destroyed after 7 years.",
    ),
    P(
      "Copies of your images may be shared with other physicians and facilities involved in your treatment, with your health plan for payment, and as otherwise permitted by the Riverside Notice of Privacy Practices, which describes in more detail how medical information about you may be used and disclosed and how you can get access to it.",
    ),
    H("Optional Use of Your Images for Research and Algorithm Development"),
    P(
      "Riverside Medical Center takes part in research and quality improvement projects that use medical images collected during routine care. This section explains optional uses of your images beyond your own care. Please read it carefully and mark your choice in the box at the end of this form. If you do not mark a box, we will treat your answer as no.",
    ),
    P(
      "If you agree, your images and related information from your medical record, such as your age, sex, diagnosis codes, and the radiologist's report, may be used in future research studies, including studies that have not yet been planned and research that is unrelated to the reason for your examination.",
    ),
    P(
      "If you mark YES at the end of this form, your images may be used to train, test, and validate computer algo~rithms, including machine learning and artificial intelligence (AI) models that are designed to detect disease, measure organs, or improve the quality of medical images. This work is carried out together with Meridian Imaging Analytics, Inc., a technology company that develops imaging software, and may involve other third par~ties such as cloud computing providers, academic collaborators, and subcontractors acting on behalf of Meridian or Riverside.",
    ),
    P(
      "Images used for algorithm development are processed and stored on secure cloud servers operated by a commercial service provider, which may be located outside the state in which you received care. Your images are transferred electronically over encrypted connections; however, no method of electronic transmission or storage is completely secure, and we cannot guarantee that your information will never be accessed by an unauthorized person.",
    ),
    H("Removing Your Name and Face From Images"),
    P(
      "Before images leave Riverside, we remove your name, medical record number, date of birth, and other direct identifiers from the image files, and each set of images is given a study code. For scans of the head, a software tool is used to remove or blur the face (sometimes called defacing) so that the images cannot easily be used to reconstruct your appearance.",
    ),
    P(
      "Riverside keeps a key that links the study code to your identity; the key is stored separately from the images and only authorized Riverside staff can use it. Even after identifiers are removed, there is a small risk that someone could re-identify you by combining your images with other information, and this risk may increase as technology changes.",
    ),
    H("Commercial Use"),
    P(
      "Algorithms and software products developed in part using your images may be patented, licensed, or sold by Meridian Imaging Analytics or by Riverside Medical Center, and they may be used in commercial products offered to other hospitals. You will not receive payment and you will not share in any profits from products, services, or discoveries that result from the use of your images. We will never sell your images or your name to data brokers or advertisers.",
    ),
    H("How Long Research Copies Are Kept"),
    P(
      "De-identified research copies of your images may be stored indefinitely and kept for future use, and there is no planned date on which they will be destroyed. Research copies may be combined with information from other sources, including disease registries, insurance claims data, and records from other hospitals, to create larger data sets. We may contact you again in the future to ask whether you would like to take part in a related study.",
    ),
    H("Your Choices and Your Right to Withdraw"),
    P(
      "Your scans will not be used to train algorithms without your separate permission, which you give by marking the YES box below. You may change your mind at any time by writing to the Riverside Imaging Research Office, 400 River Road, Suite 210. If you withdraw, we will stop using your images for new projects, but images and information that have already been shared with Meridian or other recipients cannot be withdrawn, and algorithms that have already been trained using your images will not be changed.",
    ),
    H("Important Information About Sharing"),
    P(
      "Once information is disclosed to a company or researcher outside Riverside, it may be redisclosed by the recipient and may no longer be protected by federal privacy laws. We will not share your name with Meridian or any other outside party unless required by law. Government agencies that oversee research, such as the Food and Drug Administration, and the Riverside Institutional Review Board may review research records that include your images.",
    ),
    P(
      "Riverside may update its research and data sharing practices from time to time, and the terms described in this section may change without notice to you. By signing this form you do not give up any of your legal rights.",
    ),
    H("Your Decision About Optional Uses"),
    P("Mark one box:"),
    OPTION("YES, my images and related information may be used for research and to develop and test AI algorithms as described above."),
    OPTION("NO, my images may be used only for my own care, hospital operations, and purposes required by law."),
    H("Signatures"),
    P(
      "I have read this form or had it read to me, I have had the chance to ask questions, and my questions have been answered. I agree to the examination described above.",
    ),
    FIELD("Signature of Patient or Legal Representative: _______________________________   Date: ___________"),
    FIELD("Printed Name: _______________________________   Relationship to Patient: ____________________"),
    FIELD("Technologist or Witness: _______________________________   Date: ___________   Time: ________"),
    FIELD("Interpreter (if used): ______________________________   Interpreter ID: ______________"),
  ],
  expect: [
    // [category, polarity, contains, page]
    ["conditioning", "protection", "your care at Riverside Medical Center does not depend on whether you agree", 1],
    ["security-transfer", "protection", "Images are encrypted when they are stored", 1],
    ["retention", "protection", "are destroyed after 7 years", 1],
    ["third-party-sharing", "risk", "Copies of your images may be shared with other physicians and facilities", 1],
    ["research-use", "risk", "may be used in future research studies", 2],
    ["broad-consent", "risk", "including studies that have not yet been planned", 2],
    ["ai-training", "risk", "your images may be used to train, test, and validate computer", 2],
    ["third-party-sharing", "risk", "a technology company that develops imaging software", 2],
    ["security-transfer", "risk", "we cannot guarantee that your information will never be accessed", 2],
    ["deidentification", "risk", "we remove your name, medical record number, date of birth, and other direct identifiers", 2],
    ["deidentification", "risk", "there is a small risk that someone could re-identify you", 2],
    ["commercial-use", "risk", "may be patented, licensed, or sold by Meridian Imaging Analytics", 2],
    ["commercial-use", "risk", "you will not share in any profits", 2],
    ["commercial-use", "protection", "We will never sell your images", 2],
    ["retention", "risk", "may be stored indefinitely and kept for future use", 2],
    ["record-linkage", "risk", "including disease registries, insurance claims data", 2],
    ["record-linkage", "risk", "We may contact you again in the future", 2],
    ["ai-training", "protection", "Your scans will not be used to train algorithms without your separate permission", 2],
    ["withdrawal-limits", "risk", "have already been shared with Meridian or other recipients cannot be withdrawn", 2],
    ["redisclosure", "risk", "it may be redisclosed by the recipient and may no longer be protected by federal privacy laws", 3],
    [
      "third-party-sharing",
      "risk",
      "We will not share your name with Meridian or any other outside party unless required by law",
      3,
      "hedged",
    ],
    ["policy-change", "risk", "may change without notice to you", 3],
    ["waiver-of-rights", "protection", "By signing this form you do not give up any of your legal rights", 3],
  ],
};

// ---------------------------------------------------------------------------
// Form 2: HIPAA research authorization
// ---------------------------------------------------------------------------
const hipaa = {
  name: "hipaa-authorization",
  pdfPages: [2, 2],
  header: null,
  footerLines: (n, m) => [`Lakeshore University Health System  \u2022  HIPAA Research Authorization (HRP-900)  \u2022  Page ${n} of ${m}`],
  blocks: [
    TITLE("Authorization to Use and Disclose Protected Health Information for Research"),
    SUB("Lakeshore University Health System \u2014 Office of Research Privacy"),
    FIELD("Study Title: Long-Term Outcomes After Cardiac Rehabilitation (CARE-LT Study)"),
    FIELD("Principal Investigator: Dana R. Whitfield, MD, PhD          IRB Protocol No.: 2023-0417"),
    FIELD("Participant Name: ____________________________________   Date of Birth: _______________"),
    P(
      "A federal privacy law, the Health Insurance Portability and Accountability Act (HIPAA), protects the privacy of your health information. This form asks for your permission, called an authorization, to use and share your protected health information (PHI) for the research study named above. Please read it carefully and ask the study team about anything you do not understand before you sign.",
    ),
    H("1. Information That Will Be Used or Disclosed"),
    P(
      "If you sign this form, the study team may use and disclose the following information about you, including information created before the study began and information created during the study:",
    ),
    UL(
      "Your name, address, telephone number, email address, date of birth, and medical record number.",
      "Records of hospital and clinic visits, diagnoses, medications, laboratory and imaging results, and procedure notes.",
      "Information about mental health treatment, substance use, HIV status, and results of genetic tests, to the extent they appear in the records listed above.",
      "Information collected for this study through questionnaires, exercise tests, and wearable activity monitors.",
    ),
    H("2. Who May Use and Disclose Your Information"),
    P(
      "Lakeshore University Health System, its hospitals and clinics, the Principal Investigator, and members of the research team may use your information and may disclose it as described in this form. Your physicians and other health care providers outside Lakeshore may also release your records to the study team for this purpose.",
    ),
    H("3. Who May Receive Your Information"),
    P("Your information may be disclosed to the following persons and organizations:"),
    UL(
      "The study sponsor, Halvorsen Therapeutics, Inc., and companies working on its behalf, such as contract research organizations, data management vendors, and cloud service providers.",
      "Other researchers at universities and medical centers taking part in this study.",
      "The Lakeshore Institutional Review Board (IRB) and other Lakeshore offices that oversee research, such as the Office of Research Compliance.",
      "Federal and state agencies that oversee research, including the Food and Drug Administration (FDA), the Office for Human Research Protections, and the National Institutes of Health.",
      "A data and safety monitoring board and outside auditors hired by the sponsor.",
    ),
    H("4. Purpose of the Use and Disclosure"),
    P(
      "Your information will be used to conduct the research study, to evaluate its results, to monitor the safety of participants, and to meet legal and regulatory requirements. The sponsor may also use study data to support applications to regulatory agencies and to develop future commercial products, and your information may be used for other research related to heart disease.",
    ),
    H("5. Expiration"),
    P(
      "This authorization will expire at the end of the research study, except that information already placed in the study database may be kept and used until the sponsor's record retention obligations end. For the optional registry described in Section 9, this authorization does not expire.",
    ),
    H("6. Your Right to Revoke This Authorization"),
    P(
      "You may revoke (take back) this authorization at any time by sending a written notice to the Principal Investigator, Cardiology Research Unit, Lakeshore University Health System, 1200 Shore Drive, Room 5B. If you revoke this authorization, you will no longer be able to take part in the study. Revocation does not affect information that was used or disclosed before your written notice was received, and the study team may continue to use information already collected to the extent necessary to protect the integrity of the research.",
    ),
    H("7. Your Treatment Does Not Depend on Signing"),
    P(
      "Your treatment, payment, enrollment in a health plan, or eligibility for benefits will not be affected by whether you sign this authorization. However, you cannot take part in this research study unless you sign it.",
    ),
    H("8. Redisclosure of Your Information"),
    P(
      "Once your information has been disclosed to a person or organization outside Lakeshore, it may be redisclosed by the recipient and may no longer be protected by the federal privacy regulations. Lakeshore requires the sponsor and its vendors to agree in writing to protect your information, but we cannot guarantee that they will do so.",
    ),
    H("9. Optional Cardiovascular Outcomes Registry"),
    P(
      "With your separate permission below, your information may be placed in the Lakeshore Cardiovascular Outcomes Registry and linked with Medicare and insurance claims data, the National Death Index, and records from other health systems so that researchers can study your health over time. Registry data are coded, which means your name and other direct identifiers are replaced with a number, but the registry keeps a key that can link the data back to you.",
    ),
    CHECK("I agree to have my information placed in the registry and linked with other records as described in Section 9."),
    H("10. Other Important Information"),
    P(
      "While the study is in progress, you may not be allowed to see or copy research information about you that is not part of your medical record. Your right to see this information will be restored after the study is complete. We will not share your name or contact information with the sponsor unless required by law. You will receive a copy of this signed form.",
    ),
    H("Signature"),
    P(
      "I have read this form, my questions have been answered, and I authorize the use and disclosure of my health information as described above.",
    ),
    FIELD("Signature of Participant: ____________________________________   Date: ______________"),
    FIELD("Printed Name of Participant: ____________________________________"),
    FIELD("If signed by a legally authorized representative: Name: __________________________"),
    FIELD("Authority to act for the participant: ____________________   Signature: ____________________"),
  ],
  expect: [
    ["genetic-data", "risk", "results of genetic tests, to the extent they appear", 1],
    ["third-party-sharing", "risk", "data management vendors, and cloud service providers", 1],
    ["third-party-sharing", "risk", "including the Food and Drug Administration (FDA)", 1],
    ["commercial-use", "risk", "to develop future commercial products", 1],
    ["research-use", "risk", "your information may be used for other research related to heart disease", 1],
    ["retention", "risk", "this authorization does not expire", 2],
    ["withdrawal-limits", "risk", "Revocation does not affect information that was used or disclosed before your written notice", 2],
    ["conditioning", "protection", "will not be affected by whether you sign this authorization", 2],
    ["redisclosure", "risk", "it may be redisclosed by the recipient and may no longer be protected by the federal privacy regulations", 2],
    ["security-transfer", "risk", "but we cannot guarantee that they will do so", 2],
    ["record-linkage", "risk", "linked with Medicare and insurance claims data, the National Death Index", 2],
    ["deidentification", "risk", "the registry keeps a key that can link the data back to you", 2],
    [
      "third-party-sharing",
      "risk",
      "We will not share your name or contact information with the sponsor unless required by law",
      2,
      "hedged",
    ],
  ],
};

// ---------------------------------------------------------------------------
// Form 3: research consent with biobank section (two-column PDF)
// ---------------------------------------------------------------------------
const biobank = {
  name: "research-biobank-consent",
  pdfPages: [3, 4],
  columns: 2,
  header: "Northgate Institute for Genomic Medicine  |  IRB Protocol NGM-2291  |  Consent Version 4.1, 12 February 2024",
  footerLines: (n, m) => [`Page ${n} of ${m}          Participant Initials: ________`],
  blocks: [
    TITLE("Consent to Take Part in a Research Study and the Northgate Biobank"),
    SUB("The HEARTLAND Genomics and Healthy Aging Study  \u2014  Principal Investigator: Priya Raman, MD, MPH"),
    H("Key Information"),
    P(
      "You are being asked to take part in a research study because you are 40 years of age or older and receive care at a Northgate clinic. The purpose of the study is to learn how genes, lifestyle, and the environment affect health as people age. If you agree, you will give blood and saliva samples, answer questionnaires, and allow us to use information from your medical records for up to 10 years.",
    ),
    UL(
      "Taking part in this study is your choice.",
      "You can stop taking part at any time.",
      "Your regular medical care will not change whether or not you take part.",
      "The main risk of taking part is a loss of privacy.",
    ),
    H("Why Is This Study Being Done"),
    P(
      "Many common diseases, such as heart disease, diabetes, and dementia, are caused by a combination of genetic and non-genetic factors. By following a large group of people over many years, researchers hope to learn why some people stay healthy as they age while others do not, and to find better ways to prevent and treat disease. About 25,000 people at Northgate clinics and partner sites are expected to take part.",
    ),
    H("What Will Happen in the Study"),
    OL(
      "At your first visit, a member of the study team will collect about 4 tablespoons (60 mL) of blood from a vein in your arm and a saliva sample.",
      "Each year you will complete online surveys about your health, diet, sleep, and physical activity, which take about 30 minutes.",
      "We will obtain information from your electronic health record, now and in the future, for as long as the study continues.",
      "You may be invited to optional sub-studies, which will have their own consent forms.",
    ),
    H("Risks and Discomforts"),
    P(
      "Having blood drawn may cause brief pain, bruising, lightheadedness and, rarely, infection. Some survey questions are personal and may make you uncomfortable; you may skip any question you do not want to answer. The most important risk of this study is that information about you could be seen by someone who is not supposed to see it.",
    ),
    H("Possible Benefits and Other Choices"),
    P(
      "You will not benefit directly from taking part in this study, but the knowledge gained may help other people in the future. You do not have to take part in this study to receive care at Northgate. You may also join the main study and decline the optional biobank uses listed at the end of this form.",
    ),
    H("The Northgate Biobank"),
    P(
      "Your samples will be stored in the Northgate Biobank, a secure facility that stores biological samples and health information for research. Samples and data in the biobank may be stored indefinitely, with no end date, and may be used for future research that has not yet been planned. Future research may include, but is not limited to, studies of cancer, heart disease, diabetes, dementia, mental health, behavior, and other conditions.",
    ),
    P(
      "Your samples will be labeled with a code instead of your name. The key that links the code to your identity is kept in a separate, locked database that only designated biobank staff can open.",
    ),
    H("Who Decides How Samples Are Used"),
    P(
      "Requests to use samples and data from the biobank are reviewed by the Northgate Biobank Access Committee, which includes scientists, ethicists, and community members. The committee checks that each project has scientific merit and has been approved by an ethics board, but you will not be asked for permission for each individual project.",
    ),
    P(
      "Some of your blood cells may be used to grow cell lines, which are cells that can keep growing in the laboratory for many years, and these cell lines may be shared with other laboratories.",
    ),
    H("Genetic Testing"),
    P(
      "We will extract DNA from your samples and perform genetic testing, which may include whole genome sequencing, a test that reads nearly all of your DNA. Your genetic information is unique to you and to your blood relatives, and it cannot be made completely anonymous.",
    ),
    P(
      "A federal law, the Genetic Information Nondiscrimination Act (GINA), generally makes it illegal for health insurers, group health plans, and most employers to discriminate against you based on your genetic information. GINA does not protect you against genetic discrimination by companies that sell life insurance, disability insurance, or long-term care insurance.",
    ),
    H("Sharing Your Samples and Data"),
    P(
      "We may share your samples and coded data with other researchers at Northgate and at other universities, hospitals, and government agencies, and with for-profit companies, including drug and diagnostic testing com~panies. Genetic and health data may also be placed in controlled-access databases maintained by the National Institutes of Health or other organizations, where approved researchers around the world can use them.",
    ),
    P("Depending on the project, your samples and data may be sent to:"),
    UL(
      "Researchers at Northgate and at other academic institutions.",
      "Government agencies such as the National Institutes of Health.",
      "Pharmaceutical, biotechnology, and technology companies.",
      "Research groups in other countries that meet Northgate data security standards.",
    ),
    P(
      "Before sharing, we remove your name, address, and other information that directly identifies you and replace it with a code. Although identifiers are removed, people may develop ways in the future to re-identify individuals from genetic data. Researchers who receive your samples and data may use them in ways that differ from this study and may share them with collaborators or with other third par~ties.",
    ),
    P(
      "Data from the biobank may be used by researchers and by companies to develop software, artificial intelligence and machine learning models, and other statistical algo~rithms that predict disease risk or response to treatment.",
    ),
    H("Commercial Use and Profit"),
    P(
      "Your samples and information may be used to develop new tests, drugs, or other commercial products. If this happens, Northgate, the researchers, and companies may profit, and there are no plans to share any profits with you. Northgate may receive payment from companies for access to samples and data to help cover the costs of running the biobank.",
    ),
    H("Linking Your Information"),
    P(
      "We will link your samples with information from your medical records, state cancer and death registries, and pharmacy and insurance claims databases, and we may update this information over time. We may contact you in the future to ask for more information or additional samples, or to invite you to take part in other studies.",
    ),
    H("Results Returned to You"),
    P(
      "Most research results will not be returned to you. If we find a genetic change that is known to cause a serious condition that can be prevented or treated, we may offer to tell you if you choose that option below. A genetic counselor would first confirm the result in a clinical laboratory at no cost to you.",
    ),
    H("Confidentiality and Data Security"),
    P(
      "Your data will be stored on password-protected computers and in encrypted cloud storage managed by a vendor under contract with Northgate. We will do our best to protect your information, but a data breach is possible and we cannot guarantee complete confidentiality.",
    ),
    P(
      "This study has a Certificate of Confidentiality from the National Institutes of Health, which helps protect your identifiable information from being disclosed in legal proceedings. People outside the study team may look at your records, including the Northgate Institutional Review Board, the Office for Human Research Protections, and the Food and Drug Administration.",
    ),
    P(
      "Information that identifies you may be disclosed if required by law, for example to report abuse or a serious threat to someone's safety, or in response to a court order. Your name will not be used in any publication or presentation about this study.",
    ),
    H("Leaving the Study"),
    P(
      "You may withdraw at any time and we will destroy your samples that remain in the biobank. Samples and data that have already been distributed to other researchers, or information that has already been used in analyses or placed in databases, cannot be withdrawn or recalled.",
    ),
    P(
      "If you die or lose the ability to make decisions for yourself, we will continue to use and share your samples and data as described in this form unless you or your legal representative have told us in writing to stop.",
    ),
    H("Costs"),
    P(
      "There is no cost to you for taking part. The study will pay for all study visits, tests, and genetic counseling, and your insurance will not be billed for research tests.",
    ),
    H("Payment, Injury, and Your Rights"),
    P(
      "You will receive a $50 gift card for each study visit. If you are injured as a result of taking part in this study, Northgate will provide or arrange for immediate medical care, but Northgate has no plans to pay for that care or to give you other compensation.",
    ),
    P(
      "By agreeing to take part, you release Northgate and its researchers from liability for any loss of privacy that results from the sharing of your data, except in the case of negligence.",
    ),
    P(
      "The biobank's policies on access and sharing may change over time, and Northgate may revise these policies without notifying you individually. Current policies are posted on the Northgate Biobank website.",
    ),
    H("Whom to Contact"),
    P(
      "If you have questions about the study, contact the HEARTLAND study office. If you have questions about your rights as a research participant, or concerns you wish to raise with someone other than the study team, contact the Northgate Institutional Review Board office.",
    ),
    H("Your Choices About the Biobank"),
    P(
      "Please mark one answer for each statement. Your answers will not affect your medical care or your ability to take part in the main study.",
    ),
    OL(
      "My samples and data may be stored and used for future research that is not yet planned.",
      "My samples and data may be shared with for-profit companies.",
      "I want to be told about genetic results that could affect my health or my family's health.",
      "I agree to be contacted about future research studies.",
    ),
    { t: "checks", n: 4 },
    H("Signatures"),
    P(
      "I have read this form, my questions have been answered, and I agree to take part in this research study. I will receive a signed copy of this form.",
    ),
    FIELD("Participant Signature: _____________________"),
    FIELD("Date: ____________"),
    FIELD("Printed Name: __________________________"),
    FIELD("Person Obtaining Consent: ________________"),
    FIELD("Date: ____________"),
  ],
  expect: [
    ["conditioning", "protection", "Your regular medical care will not change whether or not you take part", 1],
    ["record-linkage", "risk", "We will obtain information from your electronic health record, now and in the future", 1],
    ["retention", "risk", "may be stored indefinitely, with no end date", 1],
    ["broad-consent", "risk", "Future research may include, but is not limited to", 1],
    ["genetic-data", "risk", "which may include whole genome sequencing", 1],
    ["genetic-data", "risk", "it cannot be made completely anonymous", 1],
    ["third-party-sharing", "risk", "and with for-profit companies, including drug and diagnostic testing", 2],
    ["third-party-sharing", "risk", "placed in controlled-access databases maintained by the National Institutes of Health", 2],
    ["deidentification", "risk", "people may develop ways in the future to re-identify individuals from genetic data", 2],
    ["redisclosure", "risk", "may share them with collaborators or with other third", 2],
    ["ai-training", "risk", "to develop software, artificial intelligence and machine learning models", 2],
    ["commercial-use", "risk", "there are no plans to share any profits with you", 2],
    ["commercial-use", "risk", "Northgate may receive payment from companies for access to samples and data", 2],
    ["record-linkage", "risk", "state cancer and death registries, and pharmacy and insurance claims databases", 2],
    ["security-transfer", "risk", "a data breach is possible and we cannot guarantee complete confidentiality", 2],
    ["withdrawal-limits", "protection", "You may withdraw at any time and we will destroy your samples", 2],
    ["withdrawal-limits", "risk", "cannot be withdrawn or recalled", 2],
    ["withdrawal-limits", "risk", "we will continue to use and share your samples and data", 2],
    ["broad-consent", "risk", "you will not be asked for permission for each individual project", 1],
    ["waiver-of-rights", "risk", "you release Northgate and its researchers from liability", 2],
    ["policy-change", "risk", "Northgate may revise these policies without notifying you individually", 3],
  ],
};

// ---------------------------------------------------------------------------
// Form 4: almost entirely protective language
// ---------------------------------------------------------------------------
const protective = {
  name: "protective-form",
  pdfPages: [2, 2],
  header: null,
  footerLines: (n, m) => [`Westbrook Community Clinic  \u2022  Form PR-12 (01/2024)  \u2022  Page ${n} of ${m}`],
  blocks: [
    TITLE("Westbrook Community Clinic"),
    SUB("Consent for Clinical Photography and Our Privacy Commitments to You"),
    FIELD("Patient Name: ______________________________   Date of Birth: ____________"),
    P(
      "Our clinicians sometimes take photographs of a skin condition, wound, or other visible problem so that they can compare how it changes over time. This form explains how those photographs are used and protected. Please read it and ask us about anything that is not clear.",
    ),
    H("How We Use Your Photographs"),
    P(
      "Photographs taken at Westbrook are used only for your own care and are stored in your medical record at Westbrook Community Clinic. Your photographs will not be used for research without your new, separate written consent, and saying no to research will not affect your care in any way.",
    ),
    P(
      "Your photographs will not be used to train, test, or develop artificial intelligence or machine learning systems. We do not use your photographs for advertising, marketing, or fundraising, and we do not post them on our website or social media.",
    ),
    H("Who Can See Your Photographs"),
    P(
      "Only the clinicians directly involved in your care can view your photographs, and every access is logged and reviewed each month by our privacy officer. We do not share your photographs with anyone outside Westbrook except another health care provider that you have asked us to send them to.",
    ),
    P(
      "We will never sell your photographs or any other information about you. We will never share your photographs with advertisers, data brokers, technology companies, or social media platforms.",
    ),
    H("How Your Photographs Are Protected"),
    UL(
      "Photographs are taken only with clinic-owned cameras and tablets, never with personal phones.",
      "Photographs are encrypted at all times, both when they are stored and when they are moved into your record.",
      "Photographs are deleted from the camera or tablet as soon as they are transferred to your record.",
      "Your photographs stay on site: they are stored on servers located in our building and are not uploaded to cloud services.",
      "Photographs of your face are taken only when your face is the area being treated, and we will ask you first.",
    ),
    P(
      "If we ever learn that your photographs were viewed or taken without permission, we will tell you in writing within 30 days and explain what we are doing about it.",
    ),
    H("How Long We Keep Your Photographs"),
    P(
      "Photographs that are part of your medical record are destroyed after 7 years, as required by state law, unless you ask us to keep them longer for your care. You may ask us to delete any photograph that is not required for your medical record, and we will delete it within 30 days of your request and confirm the deletion in writing.",
    ),
    NEWPAGE,
    H("Your Rights"),
    P(
      "Signing this form is voluntary. Your treatment does not depend on signing this form; you may decline photography and still receive exactly the same care. You may withdraw this consent at any time by telling any staff member, and no further photographs will be taken.",
    ),
    P(
      "You do not give up any legal rights by signing this form. We will tell you in writing before we make any change to these commitments, and no change will apply to photographs taken before the change without your written agreement.",
    ),
    P(
      "We may disclose a photograph when we are required by law to do so, for example in response to a court order, and we will tell you about the request unless the law does not allow us to.",
    ),
    H("Questions"),
    P(
      "If you have questions about this form or about your privacy, please contact the Westbrook Privacy Officer at the front desk or by calling the main clinic number. You may also ask for a copy of our Notice of Privacy Practices at any time.",
    ),
    H("Your Decision"),
    CHECK("I agree that my clinician may take photographs for my care as described in this form."),
    H("Signature"),
    FIELD("Signature of Patient or Legal Representative: ___________________________   Date: ___________"),
    FIELD("Printed Name: ___________________________   Relationship to Patient: ___________________"),
    FIELD("Staff Witness: ___________________________   Date: ___________"),
  ],
  expect: [
    ["research-use", "protection", "will not be used for research without your new, separate written consent", 1],
    ["ai-training", "protection", "will not be used to train, test, or develop artificial intelligence or machine learning systems", 1],
    ["third-party-sharing", "protection", "We do not share your photographs with anyone outside Westbrook", 1],
    ["commercial-use", "protection", "We will never sell your photographs", 1],
    ["third-party-sharing", "protection", "We will never share your photographs with advertisers, data brokers", 1],
    ["security-transfer", "protection", "Photographs are encrypted at all times", 1],
    ["security-transfer", "protection", "are not uploaded to cloud services", 1],
    ["retention", "protection", "are destroyed after 7 years", 1],
    ["retention", "protection", "we will delete it within 30 days of your request", 1],
    ["conditioning", "protection", "Your treatment does not depend on signing this form", 2],
    ["waiver-of-rights", "protection", "You do not give up any legal rights by signing this form", 2],
    ["policy-change", "protection", "We will tell you in writing before we make any change to these commitments", 2],
    ["third-party-sharing", "risk", "We may disclose a photograph when we are required by law", 2, "hedged"],
  ],
};

const FORMS = [imaging, hipaa, biobank, protective];

// ---------------------------------------------------------------------------
// Checklist forms (fixtures/checklist/): forms that leave out required elements
// ---------------------------------------------------------------------------
// Each form below is rendered to one format only. The HIPAA forms share one
// source text whose sections are tagged with SEC(id, ...blocks); a variant drops
// exactly one tagged section, so the five forms stay in step. `evidence` holds,
// for each checklist id, a pattern that must occur in the extracted text of a
// form where the element is present and must not occur where it is missing
// (checked against the source text and again after PDF/DOCX extraction).
// `forbid` patterns must not occur anywhere in the form.

const SEC = (id, ...blocks) => blocks.map((b) => ({ ...b, sec: id }));

const HIPAA_EVIDENCE = {
  "hipaa-description": /the following health information about you/i,
  "hipaa-discloser": /Kestrel Bay Medical Center and its research staff/i,
  "hipaa-recipient": /Your health information may be disclosed to/i,
  "hipaa-purpose": /will be used to carry out the HOME-BP Study/i,
  "hipaa-expiration": /expir|\buntil\b|end of the (research )?study/i,
  "hipaa-signature": /Signature of Participant: .*Date: [\s\S]*authority to act for the participant/i,
  "hipaa-revocation": /revok|revocation|cancel|withdraw|take back/i,
  "hipaa-conditioning": /treatment|payment|health plan|eligib|\bdepend|whether you sign|condition(ed|al)? on/i,
  "hipaa-redisclosure": /redisclos|re-disclos|disclose it again|no longer (be )?protected|not be protected/i,
};
const HIPAA_IDS = Object.keys(HIPAA_EVIDENCE);

const hipaaChecklistBlocks = [
  TITLE("Kestrel Bay Medical Center"),
  SUB("Authorization to Use and Disclose Health Information for a Research Study"),
  FIELD("Study Title: Home Blood Pressure Monitoring After Stroke (HOME-BP Study)"),
  FIELD("Principal Investigator: Marisol T. Ebbesen, MD          IRB Study No.: KB-2024-0183"),
  FIELD("Participant Name: ______________________________   Date of Birth: ____________   MRN: ____________"),
  P(
    "This form asks for your permission, called an authorization, to use and disclose health information about you for the research study named above. A federal law, the Health Insurance Portability and Accountability Act (HIPAA), sets rules for how hospitals and researchers may use and disclose your health information. Please read this form carefully and ask the study team to explain anything you do not understand before you sign.",
  ),
  ...SEC(
    "description",
    H("What Health Information Will Be Used or Disclosed"),
    P("If you sign this authorization, the study team may use and disclose the following health information about you:"),
    UL(
      "Your name, address, telephone number, email address, date of birth, and medical record number.",
      "Records of your hospital stay for stroke, including the discharge summary, neurology and cardiology notes, brain imaging reports, and laboratory results.",
      "Blood pressure readings, medication lists, and clinic notes from visits to Kestrel Bay clinics since January 1, 2023, including visits during the study.",
      "Readings sent by the home blood pressure monitor you are given for the study, and your answers to study questionnaires.",
    ),
  ),
  ...SEC(
    "discloser",
    H("Who May Use and Disclose Your Information"),
    P(
      "Kestrel Bay Medical Center and its research staff, including the Principal Investigator, the study coordinators, and the Kestrel Bay Clinical Research Office, may use your health information and may disclose it to the people and organizations listed in the next section.",
    ),
  ),
  ...SEC(
    "recipient",
    H("Who May Receive Your Information"),
    P("Your health information may be disclosed to:"),
    UL(
      "The study sponsor, Corvanta Medical Devices, Inc., and the contract research organization that manages study data for the sponsor.",
      "The Kestrel Bay Institutional Review Board (IRB), the committee that reviews research involving people at Kestrel Bay.",
      "The U.S. Food and Drug Administration (FDA) and the Office for Human Research Protections.",
      "An independent data and safety monitoring board that reviews study results while the study is going on.",
    ),
  ),
  ...SEC(
    "purpose",
    H("Why Your Information Will Be Used and Disclosed"),
    P(
      "Your information will be used to carry out the HOME-BP Study, which is testing whether a home blood pressure monitor that sends readings to your care team helps people control their blood pressure after a stroke. It will also be used to check that study data are accurate, to watch for side effects, and to report study results to the FDA.",
    ),
  ),
  ...SEC(
    "expiration",
    H("When This Authorization Expires"),
    P("This authorization expires at the end of the research study. The HOME-BP Study is expected to end on or before December 31, 2027."),
  ),
  ...SEC(
    "revocation",
    H("Your Right to Revoke This Authorization"),
    P(
      "You may revoke (cancel) this authorization at any time by sending a signed letter to the Principal Investigator, HOME-BP Study, Department of Neurology, Kestrel Bay Medical Center, 2100 Harbor Crest Avenue, Suite 410. If you revoke this authorization, the study team will stop collecting new information about you, and you will no longer be able to take part in the study. Information that was used or disclosed before your letter was received may still be used to keep the study results accurate.",
    ),
  ),
  ...SEC(
    "conditioning",
    H("Your Care Does Not Depend on Signing"),
    P(
      "Your treatment, payment, enrollment in a health plan, or eligibility for benefits will not depend on whether you sign this authorization. If you do not sign it, you cannot take part in the HOME-BP Study, but your care at Kestrel Bay will not change.",
    ),
  ),
  ...SEC(
    "redisclosure",
    H("Information Disclosed Outside Kestrel Bay"),
    P(
      "Health information disclosed under this authorization to the sponsor or to another recipient outside Kestrel Bay may be redisclosed by the recipient and may no longer be protected by federal privacy law.",
    ),
  ),
  H("Other Information"),
  P(
    "You will receive a copy of this form after you sign it. If you have questions about this authorization, please ask the study team or call the Kestrel Bay Privacy Office at (555) 555-0147.",
  ),
  ...SEC(
    "signature",
    H("Signature"),
    P(
      "I have read this form and my questions have been answered. I authorize the use and disclosure of my health information as described above.",
    ),
    FIELD("Signature of Participant: ________________________________________   Date: _______________"),
    FIELD("Printed Name of Participant: ________________________________________"),
    FIELD("If signed by a personal representative, printed name: ______________________________   Date: __________"),
    FIELD(
      "Description of the representative's authority to act for the participant (for example, health care power of attorney or legal guardian): ___________________________________",
    ),
  ),
];

function hipaaChecklist(name, format, drop) {
  return {
    name,
    format,
    pdfPages: [2, 2],
    header: null,
    footerLines: (n, m) => [
      `Kestrel Bay Medical Center  \u2022  Research Authorization (Form KB-HA-7, 02/2024)  \u2022  Page ${n} of ${m}`,
    ],
    blocks: hipaaChecklistBlocks.filter((b) => !drop || b.sec !== drop),
    evidence: HIPAA_EVIDENCE,
    missing: drop ? [`hipaa-${drop}`] : [],
    present: HIPAA_IDS.filter((id) => id !== `hipaa-${drop}`),
    forbid: [],
    need: [/receive a copy of this form/i],
  };
}

const researchNoFutureUse = {
  name: "research-no-future-use",
  format: "docx",
  header: "Brannock University Medical Center  |  IRB No. BUMC-24-0316  |  Consent Version 2.0, 15 January 2024",
  footerLines: (n, m) => [`Page ${n} of ${m}`],
  blocks: [
    TITLE("Brannock University Medical Center"),
    SUB("Consent to Take Part in a Research Study"),
    FIELD("Study Title: A Randomized, Placebo-Controlled Study of BX-417 Gel for Knee Osteoarthritis Pain (the KNEE-EASE Study)"),
    FIELD("Principal Investigator: Renata J. Holmqvist, MD     Sponsor: Quillon Pharmaceuticals, Inc."),
    H("Key Information"),
    P(
      "You are being asked to take part in a research study. The purpose of this study is to find out whether an investigational gel called BX-417 reduces knee pain caused by osteoarthritis, and whether it is safe. Investigational means that BX-417 has not been approved by the U.S. Food and Drug Administration (FDA). If you take part, you will be in the study for about 14 weeks and will make 5 visits to the Brannock Orthopedic Research Clinic.",
    ),
    UL(
      "Taking part in this study is your choice.",
      "You may leave the study at any time without penalty.",
      "The main risks are skin irritation where the gel is applied and the unknown risks of an investigational drug.",
      "You may or may not benefit from taking part.",
    ),
    H("Why Is This Study Being Done?"),
    P(
      "Osteoarthritis is a common cause of knee pain in older adults. Pain pills for arthritis can upset the stomach and can affect the kidneys and the heart. BX-417 is a gel that is rubbed on the skin over the knee, so that less of the drug reaches the rest of the body. About 240 people at 12 hospitals in the United States will take part in this study, including about 30 people at Brannock.",
    ),
    H("What Will Happen If You Take Part?"),
    OL(
      "Screening visit: we will ask about your health and medicines, examine your knees, take an x-ray of your knee if you have not had one in the past year, and draw about 2 tablespoons of blood for routine safety tests. Women who can become pregnant will have a urine pregnancy test.",
      "Random assignment: if you qualify, a computer will assign you by chance, like flipping a coin, to BX-417 gel or to a placebo gel that looks the same but contains no drug. Neither you nor the study doctor will know which gel you receive.",
      "Daily gel use: you will apply the gel to the painful knee twice a day for 12 weeks and write down your pain level each evening in a paper diary.",
      "Study visits: you will return to the clinic at weeks 2, 4, 8, and 12 for a knee examination and questions about side effects, with blood tests at weeks 4 and 12. A final telephone call will take place 2 weeks after you stop using the gel.",
    ),
    H("What Are the Risks?"),
    P(
      "The most common side effects of gels like BX-417 are redness, itching, dryness, or a rash where the gel is applied. Less often, drugs of this type can cause stomach upset, higher blood pressure, swelling of the ankles, or changes in kidney or liver blood tests. Because BX-417 is investigational, there may be risks that are not yet known.",
    ),
    P(
      "Having blood drawn may cause pain, bruising and, rarely, fainting or infection. The knee x-ray exposes you to a small amount of radiation, about the same as a few days of natural background radiation. If you receive the placebo gel, your knee pain may not improve during the study. The effects of BX-417 on an unborn baby are not known, so you should not become pregnant while you are in the study and you must use an effective method of birth control.",
    ),
    H("Are There Benefits to Taking Part?"),
    P(
      "Your knee pain may improve if you receive BX-417, but this is not guaranteed. What we learn from this study may help doctors and patients make better choices about medicines for arthritis pain.",
    ),
    H("What Other Choices Do You Have?"),
    P(
      "You do not have to take part in this study to receive care for your knee. Other choices include pain relievers taken by mouth, approved gels or creams, physical therapy, weight loss, steroid injections into the knee, and knee replacement surgery. Your own doctor can talk with you about the benefits and risks of each choice.",
    ),
    H("How Will Your Information Be Kept Confidential?"),
    P(
      "We will do our best to keep your personal information confidential, but we cannot promise complete confidentiality. Your study records will be labeled with a code number instead of your name, and the list that links the code to your name will be kept in a locked file in the research office. The sponsor and the monitors who work for the sponsor, the Brannock Institutional Review Board (IRB), and the FDA may look at your study records to make sure the study is being done correctly. If the results of this study are published or presented at a scientific meeting, you will not be identified.",
    ),
    P(
      "A description of this study is posted on ClinicalTrials.gov, a public website required by U.S. law. The posting does not include anything that could identify you, and a summary of the overall results will be added when the study is over.",
    ),
    H("What Happens If You Are Injured?"),
    P(
      "If you are injured as a result of taking part in this study, Brannock will provide or arrange medical care. The sponsor has agreed to pay the reasonable costs of treating an injury caused by the study gel or by a procedure that was done only for this study. No other payment for lost wages, pain, or other losses is planned. You do not give up any legal rights by signing this form.",
    ),
    H("Costs and Payment"),
    P(
      "The study gel and all study visits and tests will be provided at no cost to you. You will receive $40 for each completed clinic visit to help with travel and parking.",
    ),
    H("Taking Part Is Voluntary"),
    P(
      "Your participation is voluntary. You may refuse to take part, or you may stop taking part at any time, without penalty or loss of benefits to which you are otherwise entitled. Your decision will not affect your regular care at Brannock.",
    ),
    P(
      "If you decide to leave the study, please tell the study doctor. We will ask you to stop using the gel, return any unused gel, and come in for a final safety visit. Information collected before you leave will remain part of the study. The study doctor may also take you out of the study if staying in it would be harmful to you, if you do not follow the study instructions, or if the sponsor stops the study.",
    ),
    H("New Information"),
    P("We will tell you about any new information learned during the study that might affect your willingness to continue."),
    H("Whom to Contact"),
    P(
      "If you have questions about the study, or if you think you have been injured, call the study doctor, Dr. Renata Holmqvist, at (555) 555-0143 on weekdays or (555) 555-0188 evenings and weekends.",
    ),
    P(
      "If you have questions about your rights as a research participant, or if you want to talk with someone who is not part of the study team, call the Brannock IRB Office at (555) 555-0120.",
    ),
    H("Signatures"),
    P(
      "I have read this form, or it has been read to me. I have had a chance to ask questions, and my questions have been answered. I agree to take part in this study. I will receive a signed copy of this form.",
    ),
    FIELD("Signature of Participant: ____________________________________   Date: _______________"),
    FIELD("Printed Name of Participant: ____________________________________"),
    FIELD("Signature of Person Obtaining Consent: ____________________________   Date: _______________"),
  ],
  evidence: {
    "cr-future-use":
      /future|other (research|studies|study|investigators?|researchers?|scientists|projects)|secondary|de-?identif|biobank|repositor|\bstor(e|ed|age)\b|distribut/i,
    "cr-purpose": /The purpose of this study is/,
    "cr-risks": /The most common side effects/,
    "cr-benefits": /may help doctors and patients/,
    "cr-alternatives": /Other choices include/,
    "cr-confidentiality": /keep your personal information confidential/,
    "cr-contacts": /questions about your rights as a research participant/,
    "cr-voluntary": /without penalty or loss of benefits/,
  },
  missing: ["cr-future-use"],
  present: ["cr-purpose", "cr-risks", "cr-benefits", "cr-alternatives", "cr-confidentiality", "cr-contacts", "cr-voluntary"],
  forbid: [],
  need: [/If you are injured/],
};

const imagingNoRetention = {
  name: "imaging-no-retention",
  format: "pdf",
  pdfPages: [2, 2],
  header: "Sorrel Ridge Community Hospital \u2014 Department of Radiology",
  footerLines: (n, m) => [`Form RAD-31  Rev. 01/2024  \u2014  Page ${n} of ${m}`],
  blocks: [
    TITLE("Sorrel Ridge Community Hospital"),
    SUB("Consent for MRI or CT Examination With or Without Contrast"),
    FIELD("Patient Name: ______________________________   Date of Birth: ____________   MRN: ______________"),
    FIELD("Examination: [ ] MRI   [ ] CT   Body area: ____________________   Contrast: [ ] Yes   [ ] No   [ ] If needed"),
    FIELD("Ordering Physician: ______________________________"),
    H("Why You Are Having This Examination"),
    P(
      "Your doctor has asked for a magnetic resonance imaging (MRI) or computed tomography (CT) examination to look for the cause of your symptoms or to follow a known condition. Both examinations make detailed pictures of the inside of the body. MRI uses a strong magnet and radio waves; CT uses x-rays and a computer. A radiologist, a doctor who specializes in reading these pictures, will look at your images and write a report.",
    ),
    H("What Happens During the Examination"),
    P(
      "You will lie on a padded table that moves into the scanner. For MRI, the scanner makes loud knocking and buzzing sounds, so you will be given earplugs or headphones. For CT, the table moves slowly through a ring-shaped opening and the scan is usually over quickly. You will need to hold still, and you may be asked to hold your breath for short periods. The technologist can see and hear you throughout the examination and can talk with you through an intercom.",
    ),
    P(
      "If you feel anxious in small spaces, tell us before the examination. Your doctor may prescribe a mild sedative to help you relax. If you take a sedative, you must not drive afterward, and an adult must take you home.",
    ),
    H("Contrast Agents"),
    P(
      "Some examinations need a contrast agent, sometimes called dye, to make certain tissues and blood vessels easier to see. For MRI, the contrast agent contains gadolinium. For CT, the contrast agent contains iodine. Contrast is usually given through a small plastic tube (IV) placed in a vein in your arm or hand. For some CT scans of the abdomen, you may also be asked to drink a contrast liquid before the scan.",
    ),
    H("Risks and Discomforts"),
    P("Most people have no problems with MRI or CT. The possible risks include:"),
    UL(
      "Radiation (CT only): CT uses a small amount of ionizing radiation. We use the lowest dose that gives a useful picture, and the chance that a single CT scan will cause cancer later in life is very small.",
      "Contrast reactions: Some people feel warm, notice a metallic taste, or feel sick to their stomach after contrast. Hives, itching, and sneezing can occur. Serious allergic reactions, such as trouble breathing or a drop in blood pressure, are rare, and staff trained to treat them are nearby.",
      "Kidney effects: In people whose kidneys already do not work well, iodine contrast can make kidney function worse, and gadolinium contrast has been linked to a rare skin and joint condition called nephrogenic systemic fibrosis. We may check your kidney function with a blood test before giving contrast.",
      "Leaking of contrast: Contrast can leak out of the vein into the skin around the IV, causing swelling and discomfort that usually go away on their own.",
      "Magnet and heating (MRI only): The magnet can pull on metal objects and can heat some implants, wires, tattoos, or medication patches. This can cause burns or other injury, or stop a device from working.",
      "Closed-in feeling and noise: Some people feel anxious inside the scanner, and the noise can be uncomfortable without earplugs.",
    ),
    H("Pregnancy and Breastfeeding"),
    P(
      "Tell the technologist if you are pregnant or think you might be pregnant. CT radiation and gadolinium contrast are avoided during pregnancy unless your doctor decides that the information is needed for your health or your baby's health, and we may ask you to take a pregnancy test before the examination. If you are breastfeeding, you may continue to breastfeed after contrast, and the radiologist can answer any questions you have about it.",
    ),
    H("Metal Implants and Devices (MRI Safety Screening)"),
    P(
      "Because the MRI magnet is always on, everyone who enters the MRI room must be screened. Please answer each question below. A technologist will go over your answers with you before the scan.",
    ),
    CHECK("Do you have a heart pacemaker, defibrillator, or implanted heart monitor?"),
    CHECK("Do you have a cochlear implant, nerve stimulator, or implanted medication pump?"),
    CHECK("Have you had surgery on your brain, heart, eyes, or ears, or do you have aneurysm clips or stents?"),
    CHECK("Have you ever had a metal injury to your eyes, or worked with metal grinding or welding?"),
    CHECK("Do you have shrapnel, bullet fragments, or other metal pieces in your body?"),
    CHECK("Do you have joint replacements, plates, screws, or rods?"),
    CHECK("Do you wear a medication patch, insulin pump, or glucose sensor?"),
    CHECK("Are you pregnant, or could you be pregnant?"),
    CHECK("Have you had a reaction to contrast in the past?"),
    CHECK("Do you have kidney disease or diabetes, or are you on dialysis?"),
    P("Before an MRI, please remove jewelry, hairpins, hearing aids, watches, and clothing with metal parts. A gown will be provided."),
    H("Results"),
    P(
      "After the examination, the radiologist will review your images and send a written report, together with the images, to the doctor who ordered your examination. Your doctor will discuss the results with you. The technologist is not able to tell you the results during the examination.",
    ),
    H("Alternatives"),
    P(
      "Depending on your condition, other tests such as ultrasound or plain x-rays may give some of the same information, or your doctor may choose to watch your condition without imaging. You may also choose not to receive contrast, which may make the examination less useful. Ask your doctor about these choices.",
    ),
    H("Your Consent"),
    P(
      "I have read this form or had it read to me. The examination, the use of contrast, and the risks and alternatives have been explained to me, and my questions have been answered. I agree to have the examination described above and to receive contrast if the radiologist decides that it is needed. I understand that I may ask the technologist to stop the examination at any time.",
    ),
    FIELD("Signature of Patient or Legal Representative: _______________________________   Date: ___________"),
    FIELD("Printed Name: _______________________________   Relationship to Patient: ____________________"),
    FIELD("Technologist: _______________________________   Date: ___________   Time: ________"),
  ],
  evidence: {
    "q-retention":
      /\b(stor(e|ed|es|age|ing)|kept|keep\w*|retain\w*|retention|destroy\w*|delet\w*|discard\w*|dispos\w*|archiv\w*|sav(e|ed|es|ing)|years?|months?|weeks?|days?|hours?|indefinite\w*|permanent\w*|forever|how long|short time|no longer needed)\b/i,
    "q-encryption-access":
      /encrypt\w*|secur\w*|password\w*|\baccess\w*|confidential\w*|privacy|private|protect\w*|\bcloud\b|\bshar(e|ed|es|ing)\b|log(ged|s)? in/i,
  },
  missing: ["q-retention", "q-encryption-access"],
  present: [],
  forbid: [/\bAI\b|artificial intelligence|algorithm|machine learning|research/i],
  need: [/to the doctor who ordered your examination/],
};

const CHECKLIST = [
  hipaaChecklist("hipaa-complete", "pdf", null),
  hipaaChecklist("hipaa-no-expiration", "docx", "expiration"),
  hipaaChecklist("hipaa-no-revocation", "pdf", "revocation"),
  hipaaChecklist("hipaa-no-conditioning", "docx", "conditioning"),
  hipaaChecklist("hipaa-no-redisclosure", "pdf", "redisclosure"),
  researchNoFutureUse,
  imagingNoRetention,
];

// ---------------------------------------------------------------------------
// PDF layout: our own word wrap, one doc.text() call per line
// ---------------------------------------------------------------------------
const PAGE_W = 612;
const PAGE_H = 792;
const FONT = "Helvetica";
const BOLD = "Helvetica-Bold";

function pdfDoc(extra = {}) {
  return new PDFDocument({
    size: "LETTER",
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    autoFirstPage: false,
    info: {
      Title: extra.title ?? "Fixture",
      Author: "consent-lens fixtures",
      Creator: "consent-lens scripts/make-fixtures.mjs",
      Producer: "PDFKit",
      CreationDate: FIXED_DATE,
      ModDate: FIXED_DATE,
    },
    ...extra.options,
  });
}

function pdfToBuffer(doc) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    doc.on("data", (c) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

class Layout {
  constructor(doc, cfg) {
    this.doc = doc;
    this.cfg = cfg;
    this.pages = [];
    this.hyphens = [];
    this.stream = []; // body lines in reading order: { page, text, hyphen }
    this.newPage();
  }

  width(text, font = FONT, size = this.cfg.size) {
    return this.doc.font(font).fontSize(size).widthOfString(text);
  }

  newPage() {
    this.page = { items: [] };
    this.pages.push(this.page);
    this.col = 0;
    this.colTop = this.cfg.top;
    this.y = this.cfg.top;
  }

  get colWidth() {
    const { columns, left, right, gutter } = this.cfg;
    return (PAGE_W - left - right - gutter * (columns - 1)) / columns;
  }

  get x() {
    return this.cfg.left + this.col * (this.colWidth + this.cfg.gutter);
  }

  atColTop() {
    return this.y <= this.colTop + 0.01;
  }

  advance() {
    if (this.col < this.cfg.columns - 1) {
      this.col += 1;
      this.y = this.colTop;
    } else {
      this.newPage();
    }
  }

  ensure(h) {
    if (this.y + h > this.cfg.bottom) this.advance();
  }

  push(text, x, opts = {}) {
    const font = opts.font ?? FONT;
    const size = opts.size ?? this.cfg.size;
    this.page.items.push({ text, x, y: this.y, font, size, color: opts.color });
    if (!opts.noStream) {
      this.stream.push({ page: this.pages.length, text, hyphen: !!opts.hyphen });
    }
  }

  // Greedy word wrap. A word written "par~ties" is forced to break as
  // "par-" at the end of the current line and "ties" on the next one.
  wrap(text, width, font = FONT, size = this.cfg.size) {
    const lines = [];
    let cur = "";
    for (const word of text.split(/\s+/).filter(Boolean)) {
      if (word.includes("~")) {
        // The break must look natural: the whole word must not fit on the
        // line, but its first part plus a hyphen must. Otherwise fail, and the
        // wording before it has to be adjusted.
        const [pre, post] = word.split("~");
        const cand = cur ? `${cur} ${pre}-` : `${pre}-`;
        const whole = cur ? `${cur} ${clean(word)}` : clean(word);
        if (this.width(cand, font, size) > width || this.width(whole, font, size) <= width) {
          const room = width - this.width(cur, font, size);
          throw new Error(
            `hyphen break in "${word}" is not at a natural line end: line so far "${cur}" ` +
              `leaves ${room.toFixed(1)}pt; "${pre}-" needs ${this.width(` ${pre}-`, font, size).toFixed(1)}pt, ` +
              `whole word ${this.width(` ${clean(word)}`, font, size).toFixed(1)}pt`,
          );
        }
        lines.push({ text: cand, hyphen: true });
        this.hyphens.push({ word: clean(word), fill: this.width(cand, font, size) / width });
        cur = post;
        continue;
      }
      const cand = cur ? `${cur} ${word}` : word;
      if (this.width(cand, font, size) <= width || !cur) {
        cur = cand;
      } else {
        lines.push({ text: cur, hyphen: false });
        cur = word;
      }
    }
    if (cur) lines.push({ text: cur, hyphen: false });
    return lines;
  }

  lines(lines, x, opts = {}) {
    const lead = opts.lead ?? this.cfg.lead;
    // keep at least two lines of a paragraph together at a column bottom
    if (lines.length > 1) this.ensure(lead * 2);
    for (const [i, line] of lines.entries()) {
      this.ensure(lead);
      const xx = typeof x === "function" ? x(i) : x;
      this.push(line.text, this.x + xx, { ...opts, hyphen: line.hyphen });
      this.y += lead;
    }
  }

  block(b) {
    const draw = {
      title: () => this.titleBlock(b),
      sub: () => this.titleBlock(b),
      h: () => this.headingBlock(b),
      p: () => {
        this.lines(this.wrap(b.text, this.colWidth), 0);
        this.y += this.cfg.paraGap;
      },
      field: () => this.fieldBlock(b),
      ul: () => this.listBlock(b),
      ol: () => this.listBlock(b),
      check: () => this.boxedBlock(b.text, "[ ] Yes   [ ] No   ", 0),
      option: () => this.boxedBlock(b.text, "[ ]  ", 10),
      checks: () => this.checksBlock(b),
      newpage: () => {
        if (this.cfg.columns === 1 && !(this.atColTop() && this.col === 0)) this.newPage();
      },
    }[b.t];
    if (!draw) throw new Error(`unknown block ${b.t}`);
    draw();
  }

  // spans the full page width, on page 1 only, above any columns
  titleBlock(b) {
    const { cfg } = this;
    const size = b.t === "title" ? cfg.titleSize : cfg.subSize;
    const full = PAGE_W - cfg.left - cfg.right;
    for (const line of this.wrap(b.text, full, BOLD, size)) {
      const w = this.width(line.text, BOLD, size);
      this.push(line.text, (PAGE_W - w) / 2, { font: BOLD, size });
      this.y += size * 1.35;
    }
    this.y += b.t === "title" ? 2 : 8;
    this.colTop = this.y;
  }

  headingBlock(b) {
    const { cfg } = this;
    const gap = this.atColTop() ? 0 : cfg.headGap;
    if (this.y + gap + cfg.lead * 3 > cfg.bottom) this.advance();
    else this.y += gap;
    this.push(b.text, this.x, { font: BOLD, size: cfg.headSize });
    this.y += cfg.lead + 1;
  }

  fieldBlock(b) {
    for (const line of this.wrap(b.text, this.colWidth)) {
      this.ensure(this.cfg.lead);
      this.push(line.text, this.x);
      this.y += this.cfg.lead + 5;
    }
    this.y += 2;
  }

  listBlock(b) {
    b.items.forEach((item, i) => {
      const marker = b.t === "ul" ? "\u2022  " : `${i + 1}.  `;
      const indent = 10;
      const hang = b.t === "ul" ? this.width(marker) : this.width("8.  ");
      const wrapped = this.wrap(item, this.colWidth - indent - hang);
      wrapped[0] = { ...wrapped[0], text: marker + wrapped[0].text };
      const mw = this.width(marker);
      this.lines(wrapped, (j) => (j === 0 ? indent + hang - mw : indent + hang));
      this.y += 2;
    });
    this.y += this.cfg.paraGap - 2;
  }

  // a check box (or Yes/No boxes) before the text, the text's other lines hanging after it
  boxedBlock(text, box, indent) {
    const bw = this.width(box);
    const wrapped = this.wrap(text, this.colWidth - indent - bw);
    wrapped[0] = { ...wrapped[0], text: box + wrapped[0].text };
    this.lines(wrapped, (j) => (j === 0 ? indent : indent + bw));
    this.y += this.cfg.paraGap;
  }

  // answer lines for a preceding numbered list of statements
  checksBlock(b) {
    for (let i = 1; i <= b.n; i++) {
      this.ensure(this.cfg.lead);
      this.push(`Statement ${i}:   [ ] Yes   [ ] No   Initials: ______`, this.x + 10);
      this.y += this.cfg.lead + 2;
    }
    this.y += this.cfg.paraGap;
  }
}

async function renderFormPdf(form) {
  const doc = pdfDoc({ title: form.name });
  const cfg =
    form.columns === 2
      ? {
          columns: 2,
          left: 50,
          right: 50,
          gutter: 22,
          top: 70,
          bottom: 738,
          size: 9.5,
          lead: 12.4,
          headSize: 10.5,
          headGap: 7,
          paraGap: 5,
          titleSize: 14,
          subSize: 10.5,
        }
      : {
          columns: 1,
          left: 58,
          right: 58,
          gutter: 0,
          top: 70,
          bottom: 728,
          size: 10,
          lead: 13,
          headSize: 11,
          headGap: 8,
          paraGap: 5,
          titleSize: 15,
          subSize: 11.5,
        };
  const layout = new Layout(doc, cfg);
  for (const b of form.blocks) layout.block(b);

  const total = layout.pages.length;
  const [minPages, maxPages] = form.pdfPages;
  if (process.env.FIXTURES_DEBUG) {
    for (const [i, page] of layout.pages.entries()) {
      console.log(`--- ${form.name} page ${i + 1}`);
      for (const it of page.items) console.log(`${it.x.toFixed(0).padStart(4)} ${it.y.toFixed(0).padStart(4)} ${it.text}`);
    }
  }
  if ((total < minPages || total > maxPages) && !process.env.FIXTURES_DEBUG) {
    throw new Error(`${form.name}.pdf has ${total} pages, expected ${minPages}-${maxPages}`);
  }
  const bodyRight = PAGE_W - cfg.right;
  for (const [i, page] of layout.pages.entries()) {
    doc.addPage({ size: "LETTER", margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    if (form.header) {
      doc.font(FONT).fontSize(8.5).fillColor("#444444");
      doc.text(form.header, cfg.left, 36, { lineBreak: false });
      doc.moveTo(cfg.left, 50).lineTo(bodyRight, 50).lineWidth(0.5).strokeColor("#888888").stroke();
    }
    doc.fillColor("black");
    for (const it of page.items) {
      doc.font(it.font).fontSize(it.size).text(it.text, it.x, it.y, { lineBreak: false });
    }
    doc.moveTo(cfg.left, 744).lineTo(bodyRight, 744).lineWidth(0.5).strokeColor("#888888").stroke();
    doc.font(FONT).fontSize(8.5).fillColor("#444444");
    form.footerLines(i + 1, total).forEach((line, k) => {
      const w = doc.widthOfString(line);
      doc.text(line, (PAGE_W - w) / 2, 752 + k * 12, { lineBreak: false });
    });
    doc.fillColor("black");
  }
  const buf = await pdfToBuffer(doc);
  return { buf, layout, total };
}

// Locate each expected substring in the laid-out body text and record its page.
function expectedEntries(form, layout, file) {
  let text = "";
  const pageAt = [];
  for (const line of layout.stream) {
    const piece = line.hyphen ? line.text.slice(0, -1) : `${line.text} `;
    text += piece;
    for (let i = 0; i < piece.length; i++) pageAt.push(line.page);
  }
  const sources = form.blocks.flatMap((b) => [b.text ?? "", ...(b.items ?? [])]);
  return form.expect.map(([category, polarity, contains, page, note]) => {
    if (contains.includes("~") || !sources.some((s) => s.includes(contains))) {
      throw new Error(`${form.name}: "${contains}" is not on one line of the source text (or crosses a forced hyphen)`);
    }
    const at = text.indexOf(contains);
    if (at < 0) throw new Error(`${form.name}: "${contains}" not found in the PDF layout`);
    if (text.indexOf(contains, at + 1) >= 0) throw new Error(`${form.name}: "${contains}" occurs more than once`);
    const p1 = pageAt[at];
    const p2 = pageAt[at + contains.length - 1];
    if (p1 !== p2) throw new Error(`${form.name}: "${contains}" spans pages ${p1}-${p2}`);
    // the whole sentence around the substring: does it cross a page break?
    const source = clean(sources.find((s) => s.includes(contains)));
    const sentence = source.split(/(?<=[.!?])\s+(?=[A-Z])/).find((x) => x.includes(contains));
    const sAt = text.indexOf(sentence);
    if (sAt < 0) throw new Error(`${form.name}: sentence of "${contains}" not found in the layout`);
    const sStart = pageAt[sAt];
    const sEnd = pageAt[sAt + sentence.length - 1];
    if (page !== undefined && page !== p1 && process.env.FIXTURES_DEBUG) {
      console.log(`  PAGE MISMATCH ${form.name}: "${contains}" is on page ${p1}, spec says ${page}`);
    } else if (page !== undefined && page !== p1) {
      throw new Error(`${form.name}: "${contains}" is on page ${p1}, wanted page ${page}`);
    }
    if (sStart !== p1) throw new Error(`${form.name}: sentence of "${contains}" starts on page ${sStart}, substring on ${p1}`);
    return {
      file,
      page: p1,
      ...(sEnd !== sStart ? { sentenceEndPage: sEnd } : {}),
      category,
      polarity,
      contains,
      ...(note ? { note } : {}),
    };
  });
}

// ---------------------------------------------------------------------------
// DOCX rendering (real Word lists, headers and footers)
// ---------------------------------------------------------------------------
function seededRandom(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

// Runs fn with Date fixed to FIXED_DATE and Math.random seeded, so docx writes
// the same core.xml timestamps, zip entry times and generated ids every time.
async function deterministic(fn) {
  const RealDate = globalThis.Date;
  const realRandom = Math.random;
  class FixedDate extends RealDate {
    /** @param {number[]} args */
    constructor(...args) {
      if (args.length === 0) super(FIXED_MS);
      else super(.../** @type {[number, number]} */ (args));
    }
    /** @override */
    static now() {
      return FIXED_MS;
    }
  }
  globalThis.Date = /** @type {DateConstructor} */ (/** @type {unknown} */ (FixedDate));
  Math.random = seededRandom(20240301);
  try {
    return await fn();
  } finally {
    globalThis.Date = RealDate;
    Math.random = realRandom;
  }
}

function docxParagraphs(form) {
  let listInstance = 0;
  const para = (text, options = {}) =>
    new Paragraph({ ...options, children: [new TextRun(typeof text === "string" ? clean(text) : text)] });
  const toDocx = {
    title: (b) => [para(b.text, { heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER })],
    sub: (b) => [para({ text: clean(b.text), bold: true }, { alignment: AlignmentType.CENTER, spacing: { after: 200 } })],
    h: (b) => [para(b.text, { heading: HeadingLevel.HEADING_2 })],
    p: (b) => [para(b.text, { spacing: { after: 120 } })],
    field: (b) => [para(b.text, { spacing: { after: 160 } })],
    ul: (b) => b.items.map((item) => para(item, { bullet: { level: 0 } })),
    ol: (b) => {
      listInstance += 1;
      return b.items.map((item) => para(item, { numbering: { reference: "numbered", level: 0, instance: listInstance } }));
    },
    check: (b) => [new Paragraph({ spacing: { after: 120 }, children: [new TextRun(`\u2610 Yes   \u2610 No   ${clean(b.text)}`)] })],
    option: (b) => [new Paragraph({ indent: { left: 360 }, spacing: { after: 120 }, children: [new TextRun(`\u2610 ${clean(b.text)}`)] })],
    checks: (b) =>
      Array.from(
        { length: b.n },
        (_, i) => new Paragraph({ children: [new TextRun(`Statement ${i + 1}:   \u2610 Yes   \u2610 No   Initials: ______`)] }),
      ),
    newpage: () => [],
  };
  return form.blocks.flatMap((b) => {
    if (!toDocx[b.t]) throw new Error(`unknown block ${b.t}`);
    return toDocx[b.t](b);
  });
}

async function renderFormDocx(form, seedName) {
  return deterministic(async () => {
    const footerChildren = [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES], size: 16 })],
      }),
    ];
    if (form.name === "imaging-ai-consent") {
      footerChildren.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: "Form IMG-204  Rev. 03/2024  Approved by the RMC Forms Committee", size: 16 })],
        }),
      );
    }
    const doc = new Document({
      creator: "consent-lens fixtures",
      lastModifiedBy: "consent-lens fixtures",
      title: seedName,
      description: "Fictional consent form generated for consent-lens tests",
      revision: 1,
      styles: { default: { document: { run: { font: "Calibri", size: 22 } } } },
      numbering: {
        config: [
          {
            reference: "numbered",
            levels: [
              {
                level: 0,
                format: LevelFormat.DECIMAL,
                text: "%1.",
                alignment: AlignmentType.START,
                style: { paragraph: { indent: { left: 720, hanging: 360 } } },
              },
            ],
          },
        ],
      },
      sections: [
        {
          headers: form.header
            ? { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: form.header, size: 16 })] })] }) }
            : undefined,
          footers: { default: new Footer({ children: footerChildren }) },
          children: docxParagraphs(form),
        },
      ],
    });
    return Packer.toBuffer(doc);
  });
}

// ---------------------------------------------------------------------------
// Plain text and Markdown
// ---------------------------------------------------------------------------
function wrapText(text, width, indent = "") {
  const out = [];
  const lead = text.match(/^\s*/)[0];
  let cur = "";
  for (const w of text.split(/\s+/).filter(Boolean)) {
    if (cur && cur.length + 1 + w.length > width) {
      out.push(cur);
      cur = indent + w;
    } else {
      cur = cur ? `${cur} ${w}` : lead + w;
    }
  }
  if (cur) out.push(cur);
  return out;
}

function renderFormText(form) {
  const toText = {
    title: (text) => [text.toUpperCase()],
    sub: (text) => [...wrapText(text, 78), ""],
    h: (text) => ["", text.toUpperCase(), ""],
    p: (text) => [...wrapText(text, 78), ""],
    field: (text) => [text],
    ul: (_text, b) => [...b.items.flatMap((item) => wrapText(`  \u2022 ${clean(item)}`, 78, "    ")), ""],
    ol: (_text, b) => [...b.items.flatMap((item, i) => wrapText(`  ${i + 1}. ${clean(item)}`, 78, "     ")), ""],
    check: (text) => [...wrapText(`[ ] Yes  [ ] No  ${text}`, 78, "                 "), ""],
    option: (text) => [...wrapText(`  [ ] ${text}`, 78, "      "), ""],
    checks: (_text, b) => Array.from({ length: b.n }, (_, i) => `Statement ${i + 1}:  [ ] Yes  [ ] No`),
    newpage: () => [],
  };
  const out = form.header ? [form.header, ""] : [];
  for (const b of form.blocks) {
    if (!toText[b.t]) throw new Error(`unknown block ${b.t}`);
    out.push(...toText[b.t](b.text ? clean(b.text) : "", b));
  }
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}

// A Spanish records-release authorization, and a notice with an English half and a Spanish half
// (the same text in both), for language detection: each part is read with its language's pack
// (the Spanish part with rules/es), never the Spanish part with the English rules.
// A French authorization, and a notice with an English half and a French half: a language no
// bundled pack reads, so the French parts are not matched and are reported as not checked.
const FRENCH_AUTHORIZATION = `AUTORISATION DE COMMUNIQUER DES INFORMATIONS MÉDICALES
Centre de santé des Tilleuls

Nom du patient : ______________________ Date de naissance : ___________

Par ce formulaire, vous autorisez le Centre de santé des Tilleuls à transmettre une copie de votre dossier médical, y compris vos résultats d'analyses et les comptes rendus de vos consultations, à la personne ou à l'organisme indiqué ci-dessous.

Les informations transmises pourront être partagées par leur destinataire avec d'autres entreprises, et elles pourraient ne plus être protégées par la loi fédérale sur la confidentialité.

Vous pouvez annuler cette autorisation à tout moment en nous écrivant. L'annulation ne s'applique pas aux informations déjà transmises.

Cette autorisation prend fin un an après la date de votre signature. Vos soins ne dépendent pas de votre signature.

Signature du patient : ______________________ Date : ___________
`;

const BILINGUAL_FRENCH_NOTICE = `Maple Row Clinic: Notice About Sharing Your Health Information

We use your health information to treat you and to get paid for your care. We may share your information with other doctors who treat you and with your health plan.

Information we share may be passed on by the people who receive it, and it may no longer be protected by federal privacy law. We will never sell your information to advertisers.

Clinique Maple Row : avis sur le partage de vos informations de santé

Nous utilisons vos informations de santé pour vous soigner et pour être payés pour vos soins. Nous pouvons partager vos informations avec d'autres médecins qui vous soignent et avec votre assurance maladie.

Les informations que nous partageons peuvent être transmises à d'autres personnes par ceux qui les reçoivent, et elles pourraient ne plus être protégées par la loi. Nous ne vendrons jamais vos informations à des annonceurs.
`;

const SPANISH_AUTHORIZATION = `AUTORIZACIÓN PARA DIVULGAR INFORMACIÓN MÉDICA
Clínica Valle Sereno

Nombre del paciente: ______________________ Fecha de nacimiento: ___________

Por medio de este formulario, usted autoriza a la Clínica Valle Sereno a entregar copias de su expediente médico, incluidos los resultados de laboratorio y las notas de sus consultas, a la persona u organización que indique abajo.

La información que se entregue podrá ser compartida por quien la reciba con otras empresas, y es posible que ya no esté protegida por las leyes federales de privacidad.

También podremos usar sus datos, sin su nombre, para estudios de investigación y para mejorar programas de computadora que analizan imágenes médicas.

Puede cancelar esta autorización en cualquier momento si nos lo pide por escrito. La cancelación no afecta la información que ya se haya entregado.

Esta autorización vence un año después de la fecha de su firma. Su atención médica no depende de que usted firme este formulario.

Firma del paciente: ______________________ Fecha: ___________
`;

const BILINGUAL_NOTICE = `Harbor Point Family Clinic: Notice About Sharing Your Health Information

We use your health information to treat you and to get paid for your care. We may share your information with other doctors who treat you and with your health plan. With your permission, we may also share it with researchers at other universities.

Information we share may be passed on by the people who receive it, and it may no longer be protected by federal privacy law. We will never sell your information to advertisers.

You may ask us for a copy of your records at any time. This notice may change without telling you first. If you have questions, ask the front desk for the privacy officer.

Clínica Familiar Harbor Point: Aviso sobre cómo compartimos su información médica

Usamos su información médica para atenderle y para recibir el pago por su atención. Podemos compartir su información con otros médicos que le atienden y con su plan de salud. Con su permiso, también podemos compartirla con investigadores de otras universidades.

La información que compartimos puede ser entregada a otras personas por quienes la reciben, y es posible que ya no esté protegida por la ley federal de privacidad. Nunca venderemos su información a empresas de publicidad.

Puede pedirnos una copia de su expediente en cualquier momento. Este aviso puede cambiar sin que le avisemos antes. Si tiene preguntas, pida hablar con el encargado de privacidad en la recepción.
`;

const SHORT_NOTICE = `# Privacy Notice: Uploading Photos Through the Patient Portal

Harbor Valley Health lets you upload photos of skin conditions, wounds, and rashes through the patient portal so that your care team can review them between visits.

## What we do with your photos

- Your care team reviews each photo to guide your treatment.
- Photos are stored in your medical record and are encrypted in transit and at rest.
- We do not sell your photos.
- You can ask us to delete a photo that is not needed for your care.

## Other uses

Uploaded photos may be processed by our cloud service provider and used to improve our image analysis software, including machine learning models.
De-identified copies of your photos may be shared with research partners and kept indefinitely.
This notice may change at any time without notice to you.

Questions? Contact the Harbor Valley Health Privacy Office through the portal.
`;

// ---------------------------------------------------------------------------
// PNG (by hand, node:zlib) and ZIP (by hand) writers
// ---------------------------------------------------------------------------
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

// colorType 0 = grey (1 byte per pixel), 2 = RGB (3 bytes per pixel)
function makePng(width, height, colorType, pixels) {
  const bpp = colorType === 2 ? 3 : 1;
  const raw = Buffer.alloc((width * bpp + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * bpp + 1)] = 0; // filter: none
    pixels.copy(raw, y * (width * bpp + 1) + 1, y * width * bpp, (y + 1) * width * bpp);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = colorType;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

// A grey "scanned page" with dark stripes imitating lines of printed words.
function scannedPagePng(seed) {
  const W = 850;
  const Hh = 1100;
  const px = Buffer.alloc(W * Hh, 232);
  const rnd = seededRandom(seed);
  const fill = (x0, y0, x1, y1, v) => {
    const [a, b] = [Math.max(0, Math.floor(x0)), Math.min(W, Math.floor(x1))];
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(Hh, Math.floor(y1)); y++) px.fill(v, y * W + a, y * W + b);
  };
  fill(0, 0, 14, Hh, 205); // scanner shadow at the binding edge
  let y = 90;
  fill(250, y, 600, y + 16, 45); // title
  y += 50;
  while (y < Hh - 110) {
    const lines = 3 + Math.floor(rnd() * 6);
    for (let l = 0; l < lines && y < Hh - 110; l++) {
      const end = l === lines - 1 ? 200 + rnd() * 450 : 740 + rnd() * 20;
      let x = 90;
      while (x < end) {
        if (end - x < 12) break;
        const w = 14 + Math.floor(rnd() * 70);
        fill(x, y, Math.min(x + w, end), y + 9, 50 + Math.floor(rnd() * 30));
        x += w + 9;
      }
      y += 22;
    }
    y += 18;
  }
  fill(90, Hh - 80, 330, Hh - 78, 60); // signature line
  fill(500, Hh - 80, 640, Hh - 78, 60);
  return makePng(W, Hh, 0, px);
}

function photoPng() {
  const W = 64;
  const Hh = 48;
  const px = Buffer.alloc(W * Hh * 3);
  for (let y = 0; y < Hh; y++) {
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 3;
      const d = Math.hypot(x - 40, y - 20);
      px[i] = Math.min(255, 90 + x * 2 + (d < 10 ? 80 : 0));
      px[i + 1] = Math.min(255, 120 + y * 2);
      px[i + 2] = Math.max(0, 200 - x - y);
    }
  }
  return makePng(W, Hh, 2, px);
}

// Minimal ZIP writer (deflate, fixed timestamps).
function makeZip(entries) {
  const DOS_TIME = (12 << 11) | (0 << 5) | 0;
  const DOS_DATE = ((2024 - 1980) << 9) | (3 << 5) | 1;
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.from(content);
    const comp = zlib.deflateRawSync(data, { level: 9 });
    const nameBuf = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(comp.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, comp);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

// ---------------------------------------------------------------------------
// Bad-input fixtures
// ---------------------------------------------------------------------------
async function encryptedPdf() {
  const doc = pdfDoc({ title: "Encrypted consent", options: { userPassword: "secret" } });
  doc.addPage();
  doc.font(BOLD).fontSize(14).text("Consent to Release Medical Records", 72, 72, { lineBreak: false });
  const lines = [
    "I authorize Riverside Medical Center to release my imaging records to the research",
    "team named above. My records may be shared with the study sponsor and its vendors.",
    "This authorization does not expire unless I revoke it in writing.",
  ];
  lines.forEach((l, i) =>
    doc
      .font(FONT)
      .fontSize(11)
      .text(l, 72, 110 + i * 16, { lineBreak: false }),
  );
  return pdfToBuffer(doc);
}

async function scannedPdf() {
  const doc = pdfDoc({ title: "Scanned consent" });
  for (const seed of [101, 202]) {
    doc.addPage();
    doc.image(scannedPagePng(seed), 0, 0, { width: PAGE_W, height: PAGE_H });
  }
  return pdfToBuffer(doc);
}

function legacyDoc() {
  const buf = Buffer.alloc(1536);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  const rnd = seededRandom(77);
  for (let i = 8; i < buf.length; i++) buf[i] = Math.floor(rnd() * 256);
  // a fragment of readable text, as old Word files often contain
  Buffer.from("Consent for Release of Information. Your records may be shared with our partners.", "latin1").copy(buf, 1024);
  return buf;
}

function zipNotDocx() {
  return makeZip([
    [
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>\n',
    ],
    [
      "_rels/.rels",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>\n',
    ],
    ["notes/readme.txt", "This archive has a .docx name but no word/document.xml part.\n"],
  ]);
}

// ---------------------------------------------------------------------------
// Checklist self-checks: evidence patterns on the source and on the extracted text
// ---------------------------------------------------------------------------
function checkChecklistText(form, text, where) {
  const flat = text.replace(/\s+/g, " ");
  for (const id of form.present) {
    if (!form.evidence[id]) throw new Error(`${where}: no evidence pattern for present element ${id}`);
    if (!form.evidence[id].test(flat)) throw new Error(`${where}: ${id} should be present but ${form.evidence[id]} does not match`);
  }
  for (const id of form.missing) {
    const m = flat.match(form.evidence[id]);
    if (m) throw new Error(`${where}: ${id} should be missing but the text has "${m[0]}"`);
  }
  for (const re of form.forbid) {
    const m = flat.match(re);
    if (m) throw new Error(`${where}: forbidden wording "${m[0]}"`);
  }
  for (const re of form.need) {
    if (!re.test(flat)) throw new Error(`${where}: ${re} does not match`);
  }
}

// Source text of a checklist form: every block, the header and the footer lines.
function checklistSourceText(form) {
  return [renderFormText(form), ...form.footerLines(1, 2)].join("\n");
}

// Reads a generated file back the way consent-lens does (pdf-parse, mammoth).
async function extractForCheck(buf, format) {
  if (format === "pdf") {
    const { PDFParse } = await import("pdf-parse");
    const parser = new PDFParse({ data: new Uint8Array(buf) }); // a copy: pdf.js takes ownership of its input
    try {
      const result = await parser.getText();
      return { text: result.pages.map((p) => p.text).join("\n"), pages: result.pages.length, total: result.total };
    } finally {
      await parser.destroy();
    }
  }
  const { default: mammoth } = await import("mammoth");
  const { value } = await mammoth.extractRawText({ buffer: buf });
  return { text: value };
}

async function renderChecklist(write, pageCounts) {
  fs.mkdirSync(path.join(OUT, "checklist"), { recursive: true });
  const expected = [];
  for (const form of CHECKLIST) {
    checkChecklistText(form, checklistSourceText(form), `${form.name} (source)`);
    const file = `checklist/${form.name}.${form.format}`;
    let buf;
    if (form.format === "pdf") {
      const rendered = await renderFormPdf(form);
      buf = rendered.buf;
      pageCounts[form.name] = rendered.total;
    } else {
      buf = await renderFormDocx(form, form.name);
    }
    write(file, buf);
    const got = await extractForCheck(buf, form.format);
    if (form.format === "pdf" && (got.pages !== pageCounts[form.name] || got.total !== pageCounts[form.name])) {
      throw new Error(`${file}: pdf-parse reads ${got.pages} pages (total ${got.total}), laid out ${pageCounts[form.name]}`);
    }
    if (!got.text.trim()) throw new Error(`${file}: no text extracted`);
    checkChecklistText(form, got.text, file);
    expected.push({ file, missing: form.missing, present: form.present });
  }
  write("checklist/expected.json", `${JSON.stringify(expected, null, 2)}\n`);
}

// ---------------------------------------------------------------------------
// README
// ---------------------------------------------------------------------------
// One row per fixture file: name, what it is, what it exercises ({pages:name} is filled in with its page count).
const FIXTURE_ROWS = [
  [
    "imaging-ai-consent.pdf",
    `CT/MRI consent (Riverside Medical Center) with an optional AI/algorithm-development section, {pages:imaging-ai-consent} pages`,
    'repeated page header and two-line footer ("Page N of M" + form version) on every page; hyphenated line breaks ("algo-"/"rithms", "third par-"/"ties"); key risk sentences on pages 2 and 3; hedged sentence ("unless required by law")',
  ],
  ["imaging-ai-consent.docx", "same content as the PDF", "DOCX with Word header/footer (PAGE/NUMPAGES fields) and real bullet list"],
  [
    "imaging-ai-consent.txt",
    "plain-text copy of form 1, hard-wrapped at 78 columns",
    "text input; sentences wrapped across lines; header text appears once",
  ],
  [
    "hipaa-authorization.pdf",
    `standalone HIPAA research authorization (Lakeshore University Health System), {pages:hipaa-authorization} pages`,
    "numbered section headings, recipients list, expiration, revocation, conditioning and redisclosure statements, signature lines; footer on every page",
  ],
  ["hipaa-authorization.docx", "same content as the PDF", "DOCX with footer page fields and bullet lists"],
  [
    "research-biobank-consent.pdf",
    `research consent with biobank section (Northgate Institute), {pages:research-biobank-consent} pages`,
    'two-column layout drawn column by column; full-width title on page 1; header and footer on every page; hyphenated breaks ("com-"/"panies", "third par-"/"ties", "algo-"/"rithms"); "[ ] Yes [ ] No" check boxes; bullets and numbered items',
  ],
  [
    "research-biobank-consent.docx",
    "same content as the PDF",
    "DOCX with real Word bullet and numbered lists (numbering.xml), \u2610 check boxes, header/footer",
  ],
  [
    "protective-form.pdf",
    `clinical photography consent where nearly every sentence is protective (Westbrook Community Clinic), {pages:protective-form} pages`,
    'negation / protective polarity ("will never", "will not be used", "does not depend", "stays on site"); one hedged sentence; footer on every page',
  ],
  ["protective-form.docx", "same content as the PDF", "DOCX, protective polarity"],
  [
    "short-notice.md",
    "short Markdown privacy notice for a patient portal",
    "Markdown headings and bullet list; three risky sentences (cloud/ML, de-identified sharing kept indefinitely, change without notice) and protective bullets",
  ],
  [
    "autorizacion-es.txt",
    "short Spanish authorization to release records (Clínica Valle Sereno)",
    "a Spanish form, read with the Spanish pack (rules/es): findings, the HIPAA checklist, a grade",
  ],
  [
    "bilingual-en-es.txt",
    "privacy notice with an English half and the same text in Spanish (Harbor Point Family Clinic)",
    "language sections: the English half is read with the English rules, the Spanish half with the Spanish pack",
  ],
  [
    "autorisation-fr.txt",
    "short French authorization to release records (Centre de santé des Tilleuls)",
    "a form in a language no bundled rule pack reads: not matched, no grade, no questions, a notice in every format",
  ],
  [
    "bilingual-en-fr.txt",
    "privacy notice with an English half and a French half (Maple Row Clinic)",
    "language sections: the English half is checked and graded, the French half is not matched and is reported as not checked",
  ],
  [
    "expected.json",
    "per-form list of { file, page, category, polarity, contains [, note] }",
    'page numbers and polarity of selected sentences in the four PDFs; "contains" is a substring of one sentence (no line-break hyphens); note "hedged" marks protective-sounding sentences with an exception that reopens risk',
  ],
  [
    "checklist/hipaa-complete.pdf",
    `standalone HIPAA research authorization (Kestrel Bay Medical Center), {pages:hipaa-complete} pages, with every core element and required statement of 45 CFR 164.508(c)`,
    'completeness check with nothing missing: description, who discloses, recipients, purpose, expiration ("expires at the end of the research study"), signature/date and personal-representative authority, revocation in writing with an address, conditioning, redisclosure; copy for the patient',
  ],
  [
    "checklist/hipaa-no-expiration.docx",
    "hipaa-complete without its expiration section",
    '`hipaa-expiration` missing: no "expire", "until" or "end of the study" anywhere',
  ],
  [
    "checklist/hipaa-no-revocation.pdf",
    `hipaa-complete without its revocation section, {pages:hipaa-no-revocation} pages`,
    "`hipaa-revocation` missing: nothing about revoking, cancelling or withdrawing the authorization",
  ],
  [
    "checklist/hipaa-no-conditioning.docx",
    "hipaa-complete without its conditioning section",
    "`hipaa-conditioning` missing: nothing on whether treatment, payment, enrollment or eligibility depends on signing",
  ],
  [
    "checklist/hipaa-no-redisclosure.pdf",
    `hipaa-complete without its redisclosure section, {pages:hipaa-no-redisclosure} pages`,
    "`hipaa-redisclosure` missing: nothing on recipients redisclosing or the information losing federal protection",
  ],
  [
    "checklist/research-no-future-use.docx",
    "Common Rule research consent for a drug study (Brannock University Medical Center)",
    "`cr-future-use` missing: never says whether data or specimens may (or will not) be used for future research or given to other investigators; purpose, risks, benefits, alternatives, confidentiality, injury, contacts, voluntary participation and withdrawal present",
  ],
  [
    "checklist/imaging-no-retention.pdf",
    `MRI/CT procedure consent with an MRI screening checklist (Sorrel Ridge Community Hospital), {pages:imaging-no-retention} pages`,
    "`q-retention` and `q-encryption-access` missing: no storage or retention wording or durations, nothing on encryption, security, access or confidentiality; images and report go to the ordering doctor",
  ],
  [
    "checklist/expected.json",
    "list of { file, missing, present } for the forms above (paths relative to fixtures/)",
    "checklist ids that must be reported missing, and ids that must not be",
  ],
  ["bad/empty.pdf", "0-byte file", "empty input"],
  ["bad/truncated.pdf", "first 50% of the bytes of imaging-ai-consent.pdf", "truncated / damaged PDF (no xref, no trailer)"],
  [
    "bad/encrypted.pdf",
    'PDF with user password "secret" (RC4, PDF 1.3) containing a short consent text',
    "password-protected PDF (pdf.js PasswordException)",
  ],
  [
    "bad/scanned.pdf",
    "2 pages, each one full-page grey PNG with dark stripes imitating text lines",
    "image-only PDF without a text layer (empty extracted text)",
  ],
  ["bad/corrupt.docx", "first 40% of the bytes of hipaa-authorization.docx", "damaged zip / DOCX"],
  ["bad/legacy.doc", "OLE2 magic D0 CF 11 E0 A1 B1 1A E1 followed by junk", "legacy Word 97-2003 .doc (unsupported format)"],
  ["bad/photo.png", "a real 64x48 RGB PNG", "image input that is not a document"],
  ["bad/not-really.pdf", "plain text saved with a .pdf name", "format detection from bytes rather than extension (should be read as text)"],
  [
    "bad/zip-not-docx.docx",
    "valid zip with [Content_Types].xml and _rels/.rels but no word/document.xml",
    "zip that is not a Word document",
  ],
];

const fixtureRows = (pageCounts) =>
  FIXTURE_ROWS.map((row) => row.map((cell) => cell.replace(/\{pages:([\w-]+)\}/g, (_, name) => String(pageCounts[name]))));

function readme(pageCounts) {
  const rows = fixtureRows(pageCounts);
  const lines = [
    "# Test fixtures",
    "",
    "Generated by `npm run fixtures` (`scripts/make-fixtures.mjs`); do not edit by hand. The generator is deterministic",
    "(fixed dates, seeded ids, fixed zip times), so re-running it should leave these files unchanged.",
    "All organisations, people and form wording are fictional and were written for these tests.",
    "",
    "PDF text is laid out line by line by the generator (standard Helvetica, one text call per line, own word wrap),",
    "so sentences wrap mid-sentence and across pages as in real forms.",
    "",
    "`checklist/` holds forms for the completeness checks (ids from the required-elements reference: `hipaa-*` for",
    "45 CFR 164.508(c), `cr-*` for the Common Rule, `q-*` for the imaging patient questions). The five HIPAA forms are",
    "rendered from one source text; each variant drops exactly one section and is otherwise identical. The generator",
    "checks every form, before and after extraction with pdf-parse or mammoth, against a pattern per id: present ids",
    'must match, missing ids must not (e.g. no "expire", "until" or "end of the study" in hipaa-no-expiration.docx).',
    "",
    "| File | What it is | What it exercises |",
    "| --- | --- | --- |",
    ...rows.map((r) => `| \`${r[0]}\` | ${r[1]} | ${r[2]} |`),
    "",
  ];
  return lines.join("\n");
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------
async function main() {
  fs.mkdirSync(BAD, { recursive: true });
  const write = (rel, data) => {
    fs.writeFileSync(path.join(OUT, rel), data);
    console.log(`  ${rel.padEnd(34)} ${String(Buffer.byteLength(data)).padStart(8)} bytes`);
  };

  const expected = {};
  const pageCounts = {};
  const pdfs = {};
  const docxs = {};
  for (const form of FORMS) {
    const { buf, layout, total } = await renderFormPdf(form);
    pdfs[form.name] = buf;
    pageCounts[form.name] = total;
    write(`${form.name}.pdf`, buf);
    for (const h of layout.hyphens) {
      if (h.fill < 0.6)
        console.warn(`  warning: ${form.name}: line ending in hyphenated "${h.word}" is only ${Math.round(h.fill * 100)}% full`);
    }
    expected[form.name] = expectedEntries(form, layout, `${form.name}.pdf`);
    docxs[form.name] = await renderFormDocx(form, form.name);
    write(`${form.name}.docx`, docxs[form.name]);
  }
  write("imaging-ai-consent.txt", renderFormText(imaging));
  write("short-notice.md", SHORT_NOTICE);
  write("autorizacion-es.txt", SPANISH_AUTHORIZATION);
  write("bilingual-en-es.txt", BILINGUAL_NOTICE);
  write("autorisation-fr.txt", FRENCH_AUTHORIZATION);
  write("bilingual-en-fr.txt", BILINGUAL_FRENCH_NOTICE);
  write("expected.json", `${JSON.stringify(expected, null, 2)}\n`);
  await renderChecklist(write, pageCounts);
  write("README.md", readme(pageCounts));

  const imgPdf = pdfs["imaging-ai-consent"];
  const hipaaDocx = docxs["hipaa-authorization"];
  write("bad/empty.pdf", Buffer.alloc(0));
  write("bad/truncated.pdf", imgPdf.subarray(0, Math.floor(imgPdf.length * 0.5)));
  write("bad/encrypted.pdf", await encryptedPdf());
  write("bad/scanned.pdf", await scannedPdf());
  write("bad/corrupt.docx", hipaaDocx.subarray(0, Math.floor(hipaaDocx.length * 0.4)));
  write("bad/legacy.doc", legacyDoc());
  write("bad/photo.png", photoPng());
  write(
    "bad/not-really.pdf",
    "Consent to share information\n\nI understand that my de-identified images may be shared with research partners and used to develop software products. I will not share in any profits.\n",
  );
  write("bad/zip-not-docx.docx", zipNotDocx());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
