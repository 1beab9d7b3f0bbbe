// Recorded by GoldenRenderingTests (RELANCE_RECORD_GOLDEN); do not edit by hand.

enum GoldenRenderings {
    static let expected: [String: String] = [
"fr single": #"""
=== reminder.courteous email courteous
email RenderedEmail
  subject: "Petit rappel : votre facture F-2026-007 – 99,99 €"
  text: "Bonjour,\n\nNous nous permettons de vous rappeler, à toutes fins utiles, que la facture suivante arrive à échéance :\n\n- Facture n° F-2026-007 du 1er février 2026, échéance le 1er mars 2026 : 99,99 € restant dû\n\nMontant total : 99,99 €, à régler au plus tard le 1er avril 2026.\n\nVous pouvez régler par :\n- IBAN : FR76 3000 6000 0112 3456 7890 189\n\nSi votre paiement est déjà en route, merci de ne pas tenir compte de ce message. Pour toute question, nous restons bien sûr à votre disposition.\n\nBien cordialement,\n\nAtelier Durand & Fils SARL\nTél. : 04 78 00 00 00\nCourriel : compta@atelier-durand.example\nRéf. : REL-2026-0001"
  html: "<p>Bonjour,</p>\n<p>Nous nous permettons de vous rappeler, à toutes fins utiles, que la facture suivante arrive à échéance :</p>\n<table>\n<tr><th>Facture</th><th>Date</th><th>Échéance</th><th>Reste dû</th></tr>\n<tr><td>F-2026-007</td><td>1er février 2026</td><td>1er mars 2026</td><td>99,99 €</td></tr>\n</table>\n<p>Montant total : <strong>99,99 €</strong>, à régler au plus tard le 1er avril 2026.</p>\n<ul>\n<li>IBAN : FR76 3000 6000 0112 3456 7890 189</li>\n</ul>\n<p>Si votre paiement est déjà en route, merci de ne pas tenir compte de ce message.</p>\n<p>Bien cordialement,<br>Atelier Durand &amp; Fils SARL</p>"
=== reminder.courteous email neutral
email RenderedEmail
  subject: "Rappel d\'échéance : facture F-2026-007 – 99,99 €"
  text: "Bonjour,\n\nNous vous rappelons que la facture suivante arrive à échéance :\n\n- Facture n° F-2026-007 du 1er février 2026, échéance le 1er mars 2026 : 99,99 € restant dû\n\nMontant total : 99,99 €, à régler au plus tard le 1er avril 2026, par :\n- IBAN : FR76 3000 6000 0112 3456 7890 189\n\nSi vous avez déjà effectué ce règlement, merci de ne pas tenir compte de ce message.\n\nCordialement,\n\nAtelier Durand & Fils SARL\nTél. : 04 78 00 00 00\nCourriel : compta@atelier-durand.example\nRéf. : REL-2026-0001"
  html: nil
=== reminder.courteous email firm
email RenderedEmail
  subject: "Échéance de paiement : facture F-2026-007 – 99,99 €"
  text: "Bonjour,\n\nLa facture suivante arrive à échéance. Nous vous remercions de respecter ce terme :\n\n- Facture n° F-2026-007 du 1er février 2026, échéance le 1er mars 2026 : 99,99 € restant dû\n\nLe montant de 99,99 € doit être réglé au plus tard le 1er avril 2026, par :\n- IBAN : FR76 3000 6000 0112 3456 7890 189\n\nNous vous rappelons que tout retard de paiement rend exigibles, sans rappel préalable, des pénalités de retard et une indemnité forfaitaire pour frais de recouvrement de 40 € par facture (article L. 441-10 du code de commerce).\n\nCordialement,\n\nAtelier Durand & Fils SARL\nTél. : 04 78 00 00 00\nCourriel : compta@atelier-durand.example\nRéf. : REL-2026-0001"
  html: nil
=== reminder.neutral email courteous
email RenderedEmail
  subject: "Facture F-2026-007 en attente de règlement – 99,99 €"
  text: "Bonjour,\n\nSauf erreur de notre part, nous n\'avons pas encore reçu le règlement de la facture suivante. Un oubli peut arriver à tout le monde :\n\n- Facture n° F-2026-007 du 1er février 2026, échéance le 1er mars 2026 : 99,99 € restant dû\n\nPourriez-vous procéder au règlement de 99,99 € d\'ici le 1er avril 2026 ? Vous pouvez régler par :\n- IBAN : FR76 3000 6000 0112 3456 7890 189\n\nSi une difficulté vous empêche de régler, ou si vous constatez une erreur sur cette facture, répondez simplement à ce message : nous trouverons une solution ensemble.\n\nBien cordialement,\n\nAtelier Durand & Fils SARL\nTél. : 04 78 00 00 00\nCourriel : compta@atelier-durand.example\nRéf. : REL-2026-0001"
  html: nil
=== reminder.neutral email neutral
email RenderedEmail
  subject: "Relance : facture F-2026-007 impayée – 99,99 €"
  text: "Bonjour,\n\nSauf erreur de notre part, la facture suivante reste impayée à ce jour :\n\n- Facture n° F-2026-007 du 1er février 2026, échéance le 1er mars 2026 : 99,99 € restant dû\n\nNous vous remercions de régler la somme de 99,99 € au plus tard le 1er avril 2026, par :\n- IBAN : FR76 3000 6000 0112 3456 7890 189\n\nSi vous avez déjà effectué ce règlement, merci de nous en communiquer la date.\n\nCordialement,\n\nAtelier Durand & Fils SARL\nTél. : 04 78 00 00 00\nCourriel : compta@atelier-durand.example\nRéf. : REL-2026-0001"
  html: nil
=== reminder.neutral email firm
email RenderedEmail
  subject: "Impayé : facture F-2026-007 – règlement attendu avant le 1er avril 2026"
  text: "Bonjour,\n\nMalgré leur échéance, la facture suivante reste impayée :\n\n- Facture n° F-2026-007 du 1er février 2026, échéance le 1er mars 2026 : 99,99 € restant dû\n\nNous vous demandons de régler la somme de 99,99 € au plus tard le 1er avril 2026, par :\n- IBAN : FR76 3000 6000 0112 3456 7890 189\n\nCordialement,\n\nAtelier Durand & Fils SARL\nTél. : 04 78 00 00 00\nCourriel : compta@atelier-durand.example\nRéf. : REL-2026-0001"
  html: nil
=== reminder.firm email courteous
email RenderedEmail
  subject: "Nouveau rappel : facture F-2026-007 – 99,99 €"
  text: "Bonjour,\n\nNous revenons vers vous car, malgré notre précédent rappel, la facture suivante reste impayée :\n\n- Facture n° F-2026-007 du 1er février 2026, échéance le 1er mars 2026 : 99,99 € restant dû\n\nNous vous remercions de bien vouloir régler la somme de 99,99 € au plus tard le 1er avril 2026, par :\n- IBAN : FR76 3000 6000 0112 3456 7890 189\n\nSi vous rencontrez une difficulté passagère, contactez-nous avant cette date : un échéancier peut être envisagé.\n\nBien cordialement,\n\nAtelier Durand & Fils SARL\nTél. : 04 78 00 00 00\nCourriel : compta@atelier-durand.example\nRéf. : REL-2026-0001"
  html: nil
=== reminder.firm email neutral
email RenderedEmail
  subject: "Deuxième relance : facture F-2026-007 – 99,99 €"
  text: "Bonjour,\n\nMalgré nos précédentes relances, la facture suivante reste impayée :\n\n- Facture n° F-2026-007 du 1er février 2026, échéance le 1er mars 2026 : 99,99 € restant dû\n\nNous vous demandons de régler la somme de 99,99 € au plus tard le 1er avril 2026, par :\n- IBAN : FR76 3000 6000 0112 3456 7890 189\n\nCordialement,\n\nAtelier Durand & Fils SARL\nTél. : 04 78 00 00 00\nCourriel : compta@atelier-durand.example\nRéf. : REL-2026-0001"
  html: nil
=== reminder.firm email firm
email RenderedEmail
  subject: "Dernière relance avant mise en demeure : facture F-2026-007 – 99,99 €"
  text: "Bonjour,\n\nNos relances sont restées sans effet : la facture suivante est toujours impayée :\n\n- Facture n° F-2026-007 du 1er février 2026, échéance le 1er mars 2026 : 99,99 € restant dû\n\nNous exigeons le règlement de la somme de 99,99 € au plus tard le 1er avril 2026, par :\n- IBAN : FR76 3000 6000 0112 3456 7890 189\n\nSans règlement à cette date, nous vous adresserons une mise en demeure, préalable à une action en justice.\n\nAtelier Durand & Fils SARL\nTél. : 04 78 00 00 00\nCourriel : compta@atelier-durand.example\nRéf. : REL-2026-0001"
  html: nil
=== call.first call courteous
call RenderedCallBriefing
  title: "Appel de relance – Café du Port – 99,99 €"
  summary: [8]
    - "Débiteur : Café du Port (professionnel)"
    - "Téléphone : aucun numéro connu – rechercher un numéro avant l\'appel"
    - "Créancier : Atelier Durand & Fils SARL"
    - "Factures concernées : 1 (F-2026-007)"
    - "Principal restant dû : 99,99 €"
    - "Total dû : 99,99 €"
    - "Date de règlement à obtenir : au plus tard le 1er avril 2026"
    - "Référence du dossier : REL-2026-0001"
  script: [6]
    - "Bonjour, Atelier Durand & Fils SARL à l\'appareil. Pourrais-je parler à la personne en charge de la comptabilité fournisseurs ?"
    - "Je vous appelle au sujet de la facture F-2026-007, pour un montant restant dû de 99,99 €. Sauf erreur de notre part, nous n\'en avons pas reçu le règlement. Avez-vous bien reçu cette facture ?"
    - "Écouter avant de proposer : y a-t-il un problème sur la prestation, une contestation, ou une difficulté de trésorerie ? Un client habituellement ponctuel mérite une écoute attentive."
    - "Obtenir une date de paiement précise, au plus tard le 1er avril 2026, et le moyen de paiement :\n- IBAN : FR76 3000 6000 0112 3456 7890 189"
    - "En cas de difficulté réelle, proposer un échéancier et le consigner ; en cas de contestation, noter le motif exact et suspendre la relance."
    - "Conclure en récapitulant l\'engagement pris (montant, date, moyen) et remercier l\'interlocuteur."
  table: RenderedTable
    header: [6]
      - "Facture"
      - "Date"
      - "Échéance"
      - "Montant"
      - "Reste dû"
      - "Retard"
    rows: [1]
      - [6]
        - "F-2026-007"
        - "1er février 2026"
        - "1er mars 2026"
        - "99,99 €"
        - "99,99 €"
        - "0 jour"
  history: RenderedTable
    header: [3]
      - "Date"
      - "Moyen"
      - "Démarche"
    rows: [0]
  outcomes: [6]
    - "Résultat à consigner après l\'appel :"
    - "- promesse de paiement : montant, date, moyen"
    - "- échéancier proposé : montants et dates"
    - "- contestation : motif précis (suspend la relance)"
    - "- paiement déclaré effectué : date et moyen, à vérifier"
    - "- injoignable ou mauvais numéro"
=== letter.recap letter courteous
letter RenderedLetter
  title: "Relance – rappel des démarches effectuées"
  sender: [3]
    - "Atelier Durand & Fils SARL"
    - "12 rue des Lilas"
    - "69003 Lyon"
  recipient: [3]
    - "Café du Port"
    - "1 quai Rambaud"
    - "69002 Lyon"
  mailing: nil
  date: "Le 1er mars 2026"
  reference: [1]
    - "Réf. : REL-2026-0001"
  subject: "Objet : facture impayée n° F-2026-007 – 99,99 €"
  salutation: "Madame, Monsieur,"
  body: [3]
    - "Sauf erreur de notre part, la facture détaillée ci-dessous reste impayée à ce jour, pour un montant restant dû de 99,99 €."
    - "Nous vous demandons de régler la somme de 99,99 € au plus tard le 1er avril 2026, par l\'un des moyens suivants :\n- IBAN : FR76 3000 6000 0112 3456 7890 189"
    - "Si ce règlement a été effectué entre-temps, nous vous remercions de ne pas tenir compte de ce courrier. Si vous contestez tout ou partie de cette somme, ou si vous rencontrez une difficulté, merci de nous le faire savoir rapidement."
  table: RenderedTable
    header: [6]
      - "Facture"
      - "Date"
      - "Échéance"
      - "Montant"
      - "Reste dû"
      - "Retard"
    rows: [1]
      - [6]
        - "F-2026-007"
        - "1er février 2026"
        - "1er mars 2026"
        - "99,99 €"
        - "99,99 €"
        - "0 jour"
  totals: RenderedTable
    header: [2]
      - "Récapitulatif"
      - "Montant"
    rows: [2]
      - [2]
        - "Principal restant dû"
        - "99,99 €"
      - [2]
        - "Total dû"
        - "99,99 €"
  closing: [1]
    - "Nous vous prions d\'agréer, Madame, Monsieur, l\'expression de nos salutations distinguées."
  signature: [3]
    - "Atelier Durand & Fils SARL"
    - "Claire Durand"
    - "Tél. : 04 78 00 00 00"
  mentions: [0]
=== notice.formal registered_letter courteous
letter RenderedLetter
  title: "MISE EN DEMEURE"
  sender: [3]
    - "Atelier Durand & Fils SARL"
    - "12 rue des Lilas"
    - "69003 Lyon"
  recipient: [3]
    - "Café du Port"
    - "1 quai Rambaud"
    - "69002 Lyon"
  mailing: "Lettre recommandée avec demande d\'avis de réception"
  date: "Le 1er mars 2026"
  reference: [1]
    - "Réf. : REL-2026-0001"
  subject: "Objet : mise en demeure de payer – facture n° F-2026-007"
  salutation: "Madame, Monsieur,"
  body: [6]
    - "Malgré nos précédentes relances, la facture détaillée ci-dessous demeure impayée."
    - "Par la présente, nous vous mettons en demeure de régler la somme de 99,99 €, qui se décompose ainsi : principal 99,99 €."
    - "Ce règlement doit nous parvenir dans un délai de huit jours à compter de la réception de la présente, soit au plus tard le 1er avril 2026, par l\'un des moyens suivants :\n- IBAN : FR76 3000 6000 0112 3456 7890 189"
    - "Les pénalités de retard continuent de courir jusqu\'au complet paiement (article L. 441-10 du code de commerce)."
    - "À défaut de règlement dans ce délai, nous engagerons sans autre avis une procédure judiciaire de recouvrement, notamment une requête en injonction de payer, dont les frais s\'ajouteront aux sommes dues."
    - "La présente lettre vaut mise en demeure au sens de l\'article 1344 du code civil."
  table: RenderedTable
    header: [6]
      - "Facture"
      - "Date"
      - "Échéance"
      - "Montant"
      - "Reste dû"
      - "Retard"
    rows: [1]
      - [6]
        - "F-2026-007"
        - "1er février 2026"
        - "1er mars 2026"
        - "99,99 €"
        - "99,99 €"
        - "0 jour"
  totals: RenderedTable
    header: [2]
      - "Décompte"
      - "Montant"
    rows: [2]
      - [2]
        - "Principal restant dû"
        - "99,99 €"
      - [2]
        - "Total dû"
        - "99,99 €"
  closing: [1]
    - "Nous vous prions d\'agréer, Madame, Monsieur, l\'expression de nos salutations distinguées."
  signature: [2]
    - "Atelier Durand & Fils SARL"
    - "Claire Durand"
  mentions: [0]
=== legal.payment_order legal courteous
legal RenderedDossierCover
  title: "Requête en injonction de payer – dossier REL-2026-0001 – Café du Port"
  summary: [4]
    - "Créance de 99,99 € due par Café du Port à Atelier Durand & Fils SARL, au titre de la facture impayée n° F-2026-007."
    - "Fondement : créance contractuelle d\'un montant déterminé (article 1405 du code de procédure civile), résultant des factures énumérées ci-dessous ; pénalités de retard et indemnité forfaitaire de l\'article L. 441-10 du code de commerce."
    - "Juridiction à saisir : président du tribunal de commerce (ou tribunal des activités économiques) du siège du débiteur (article 1406 du code de procédure civile)."
    - "Mise en demeure restée sans effet ; le délai de paiement accordé expirait le 1er avril 2026."
  parties: RenderedTable
    header: [3]
      - "Qualité"
      - "Nom"
      - "Adresse"
    rows: [2]
      - [3]
        - "Créancier"
        - "Atelier Durand & Fils SARL"
        - "12 rue des Lilas, 69003 Lyon"
      - [3]
        - "Débiteur"
        - "Café du Port"
        - "1 quai Rambaud, 69002 Lyon"
  table: RenderedTable
    header: [6]
      - "Facture"
      - "Date"
      - "Échéance"
      - "Montant"
      - "Reste dû"
      - "Retard"
    rows: [1]
      - [6]
        - "F-2026-007"
        - "1er février 2026"
        - "1er mars 2026"
        - "99,99 €"
        - "99,99 €"
        - "0 jour"
  totals: RenderedTable
    header: [2]
      - "Décompte"
      - "Montant"
    rows: [2]
      - [2]
        - "Principal"
        - "99,99 €"
      - [2]
        - "Total réclamé"
        - "99,99 €"
  history: RenderedTable
    header: [3]
      - "Date"
      - "Moyen"
      - "Démarche"
    rows: [0]
  documents: [6]
    - "Bordereau des pièces :"
    - "1. Facture n° F-2026-007"
    - "2. Conditions générales de vente ou contrat"
    - "3. Bon de commande ou devis signé, preuve de livraison ou d\'exécution"
    - "4. Mise en demeure et avis de réception"
    - "5. Relevé de compte du débiteur"
"""#,
"fr full business": #"""
=== reminder.courteous email courteous
email RenderedEmail
  subject: "Petit rappel : vos factures F-2026-101 et F-2026-117 – 3 250,50 €"
  text: "Bonjour Paul Martin,\n\nSauf erreur de notre part, nous n\'avons pas encore reçu le règlement des factures suivantes. Il s\'agit sans doute d\'un simple oubli :\n\n- Facture n° F-2026-101 du 1er septembre 2026, échéance le 1er octobre 2026 : 3 000,00 € restant dû (59 jours de retard)\n- Facture n° F-2026-117 du 15 septembre 2026, échéance le 15 octobre 2026 : 250,50 € restant dû (45 jours de retard)\n\nMontant total : 3 250,50 €, à régler au plus tard le 9 décembre 2026.\n\nVous pouvez régler par :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nSi votre paiement est déjà en route, merci de ne pas tenir compte de ce message. Pour toute question, nous restons bien sûr à votre disposition.\n\nBien cordialement,\n\nAtelier Durand & Fils SARL\nTél. : 04 78 00 00 00\nCourriel : compta@atelier-durand.example\nRéf. : REL-2026-0042"
  html: "<p>Bonjour Paul Martin,</p>\n<p>Sauf erreur de notre part, nous n\'avons pas encore reçu le règlement des factures suivantes. Il s\'agit sans doute d\'un simple oubli :</p>\n<table>\n<tr><th>Facture</th><th>Date</th><th>Échéance</th><th>Reste dû</th></tr>\n<tr><td>F-2026-101</td><td>1er septembre 2026</td><td>1er octobre 2026</td><td>3 000,00 €</td></tr>\n<tr><td>F-2026-117</td><td>15 septembre 2026</td><td>15 octobre 2026</td><td>250,50 €</td></tr>\n</table>\n<p>Montant total : <strong>3 250,50 €</strong>, à régler au plus tard le 9 décembre 2026.</p>\n<ul>\n<li>Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP</li>\n<li>Chèque : à l&#39;ordre d&#39;Atelier Durand &amp; Fils</li>\n</ul>\n<p>Si votre paiement est déjà en route, merci de ne pas tenir compte de ce message.</p>\n<p>Bien cordialement,<br>Atelier Durand &amp; Fils SARL</p>"
=== reminder.courteous email neutral
email RenderedEmail
  subject: "Rappel d\'échéance : factures F-2026-101 et F-2026-117 – 3 250,50 €"
  text: "Bonjour Paul Martin,\n\nNous vous rappelons que les factures suivantes sont échues :\n\n- Facture n° F-2026-101 du 1er septembre 2026, échéance le 1er octobre 2026 : 3 000,00 € restant dû (59 jours de retard)\n- Facture n° F-2026-117 du 15 septembre 2026, échéance le 15 octobre 2026 : 250,50 € restant dû (45 jours de retard)\n\nMontant total : 3 250,50 €, à régler au plus tard le 9 décembre 2026, par :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nSi vous avez déjà effectué ce règlement, merci de ne pas tenir compte de ce message.\n\nCordialement,\n\nAtelier Durand & Fils SARL\nTél. : 04 78 00 00 00\nCourriel : compta@atelier-durand.example\nRéf. : REL-2026-0042"
  html: nil
=== reminder.courteous email firm
email RenderedEmail
  subject: "Échéance de paiement : factures F-2026-101 et F-2026-117 – 3 250,50 €"
  text: "Bonjour Paul Martin,\n\nLes factures suivantes sont échues et restent impayées :\n\n- Facture n° F-2026-101 du 1er septembre 2026, échéance le 1er octobre 2026 : 3 000,00 € restant dû (59 jours de retard)\n- Facture n° F-2026-117 du 15 septembre 2026, échéance le 15 octobre 2026 : 250,50 € restant dû (45 jours de retard)\n\nLe montant de 3 250,50 € doit être réglé au plus tard le 9 décembre 2026, par :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nNous vous rappelons que tout retard de paiement rend exigibles, sans rappel préalable, des pénalités de retard et une indemnité forfaitaire pour frais de recouvrement de 40 € par facture (article L. 441-10 du code de commerce).\n\nCordialement,\n\nAtelier Durand & Fils SARL\nTél. : 04 78 00 00 00\nCourriel : compta@atelier-durand.example\nRéf. : REL-2026-0042"
  html: nil
=== reminder.neutral email courteous
email RenderedEmail
  subject: "Factures F-2026-101 et F-2026-117 en attente de règlement – 3 250,50 €"
  text: "Bonjour Paul Martin,\n\nSauf erreur de notre part, nous n\'avons pas encore reçu le règlement des factures suivantes. Un oubli peut arriver à tout le monde :\n\n- Facture n° F-2026-101 du 1er septembre 2026, échéance le 1er octobre 2026 : 3 000,00 € restant dû (59 jours de retard)\n- Facture n° F-2026-117 du 15 septembre 2026, échéance le 15 octobre 2026 : 250,50 € restant dû (45 jours de retard)\n\nPourriez-vous procéder au règlement de 3 250,50 € d\'ici le 9 décembre 2026 ? Vous pouvez régler par :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nSi une difficulté vous empêche de régler, ou si vous constatez une erreur sur ces factures, répondez simplement à ce message : nous trouverons une solution ensemble.\n\nBien cordialement,\n\nAtelier Durand & Fils SARL\nTél. : 04 78 00 00 00\nCourriel : compta@atelier-durand.example\nRéf. : REL-2026-0042"
  html: nil
=== reminder.neutral email neutral
email RenderedEmail
  subject: "Relance : factures F-2026-101 et F-2026-117 impayées – 3 250,50 €"
  text: "Bonjour Paul Martin,\n\nSauf erreur de notre part, les factures suivantes restent impayées à ce jour :\n\n- Facture n° F-2026-101 du 1er septembre 2026, échéance le 1er octobre 2026 : 3 000,00 € restant dû (59 jours de retard)\n- Facture n° F-2026-117 du 15 septembre 2026, échéance le 15 octobre 2026 : 250,50 € restant dû (45 jours de retard)\n\nNous vous remercions de régler la somme de 3 250,50 € au plus tard le 9 décembre 2026, par :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nConformément à l\'article L. 441-10 du code de commerce, ce retard rend exigibles des pénalités de retard (56,44 € à ce jour, au taux annuel de 12,15 %) ainsi que l\'indemnité forfaitaire pour frais de recouvrement de 80,00 €, soit 3 386,94 € au total.\n\nSi vous avez déjà effectué ce règlement, merci de nous en communiquer la date.\n\nCordialement,\n\nAtelier Durand & Fils SARL\nTél. : 04 78 00 00 00\nCourriel : compta@atelier-durand.example\nRéf. : REL-2026-0042"
  html: nil
=== reminder.neutral email firm
email RenderedEmail
  subject: "Impayé : factures F-2026-101 et F-2026-117 – règlement attendu avant le 9 décembre 2026"
  text: "Bonjour Paul Martin,\n\nMalgré leur échéance, les factures suivantes restent impayées :\n\n- Facture n° F-2026-101 du 1er septembre 2026, échéance le 1er octobre 2026 : 3 000,00 € restant dû (59 jours de retard)\n- Facture n° F-2026-117 du 15 septembre 2026, échéance le 15 octobre 2026 : 250,50 € restant dû (45 jours de retard)\n\nNous vous demandons de régler la somme de 3 250,50 € au plus tard le 9 décembre 2026, par :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nConformément à l\'article L. 441-10 du code de commerce, ce retard rend exigibles des pénalités de retard (56,44 € à ce jour, au taux annuel de 12,15 %) ainsi que l\'indemnité forfaitaire pour frais de recouvrement de 80,00 €, soit 3 386,94 € au total.\n\nSans règlement à cette date, l\'étape suivante sera une lettre recommandée avec accusé de réception, à partir du 14 décembre 2026.\n\nCordialement,\n\nAtelier Durand & Fils SARL\nTél. : 04 78 00 00 00\nCourriel : compta@atelier-durand.example\nRéf. : REL-2026-0042"
  html: nil
=== reminder.firm email courteous
email RenderedEmail
  subject: "Nouveau rappel : factures F-2026-101 et F-2026-117 – 3 386,94 €"
  text: "Bonjour Paul Martin,\n\nNous revenons vers vous car, malgré notre précédent rappel, les factures suivantes restent impayées :\n\n- Facture n° F-2026-101 du 1er septembre 2026, échéance le 1er octobre 2026 : 3 000,00 € restant dû (59 jours de retard)\n- Facture n° F-2026-117 du 15 septembre 2026, échéance le 15 octobre 2026 : 250,50 € restant dû (45 jours de retard)\n\nConformément à l\'article L. 441-10 du code de commerce, ce retard rend exigibles des pénalités de retard (56,44 € à ce jour, au taux annuel de 12,15 %) ainsi que l\'indemnité forfaitaire pour frais de recouvrement de 80,00 €, soit 3 386,94 € au total.\n\nNous vous remercions de bien vouloir régler la somme de 3 386,94 € au plus tard le 9 décembre 2026, par :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nSi vous rencontrez une difficulté passagère, contactez-nous avant cette date : un échéancier peut être envisagé.\n\nBien cordialement,\n\nAtelier Durand & Fils SARL\nTél. : 04 78 00 00 00\nCourriel : compta@atelier-durand.example\nRéf. : REL-2026-0042"
  html: nil
=== reminder.firm email neutral
email RenderedEmail
  subject: "Deuxième relance : factures F-2026-101 et F-2026-117 – 3 386,94 €"
  text: "Bonjour Paul Martin,\n\nMalgré nos précédentes relances, les factures suivantes restent impayées :\n\n- Facture n° F-2026-101 du 1er septembre 2026, échéance le 1er octobre 2026 : 3 000,00 € restant dû (59 jours de retard)\n- Facture n° F-2026-117 du 15 septembre 2026, échéance le 15 octobre 2026 : 250,50 € restant dû (45 jours de retard)\n\nConformément à l\'article L. 441-10 du code de commerce, ce retard rend exigibles des pénalités de retard (56,44 € à ce jour, au taux annuel de 12,15 %) ainsi que l\'indemnité forfaitaire pour frais de recouvrement de 80,00 €, soit 3 386,94 € au total.\n\nNous vous demandons de régler la somme de 3 386,94 € au plus tard le 9 décembre 2026, par :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nÀ défaut, l\'étape suivante sera une lettre recommandée avec accusé de réception, à partir du 14 décembre 2026.\n\nCordialement,\n\nAtelier Durand & Fils SARL\nTél. : 04 78 00 00 00\nCourriel : compta@atelier-durand.example\nRéf. : REL-2026-0042"
  html: nil
=== reminder.firm email firm
email RenderedEmail
  subject: "Dernière relance avant mise en demeure : factures F-2026-101 et F-2026-117 – 3 386,94 €"
  text: "Bonjour Paul Martin,\n\nNos relances sont restées sans effet : les factures suivantes sont toujours impayées :\n\n- Facture n° F-2026-101 du 1er septembre 2026, échéance le 1er octobre 2026 : 3 000,00 € restant dû (59 jours de retard)\n- Facture n° F-2026-117 du 15 septembre 2026, échéance le 15 octobre 2026 : 250,50 € restant dû (45 jours de retard)\n\nConformément à l\'article L. 441-10 du code de commerce, ce retard rend exigibles des pénalités de retard (56,44 € à ce jour, au taux annuel de 12,15 %) ainsi que l\'indemnité forfaitaire pour frais de recouvrement de 80,00 €, soit 3 386,94 € au total.\n\nNous exigeons le règlement de la somme de 3 386,94 € au plus tard le 9 décembre 2026, par :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nSans règlement à cette date, nous vous adresserons une mise en demeure à partir du 14 décembre 2026, préalable à une action en justice.\n\nAtelier Durand & Fils SARL\nTél. : 04 78 00 00 00\nCourriel : compta@atelier-durand.example\nRéf. : REL-2026-0042"
  html: nil
=== call.first call courteous
call RenderedCallBriefing
  title: "Appel de relance – Boulangerie Martin – 3 386,94 €"
  summary: [10]
    - "Débiteur : Boulangerie Martin (professionnel)"
    - "Interlocuteur : Paul Martin"
    - "Téléphone : 01 40 00 00 00"
    - "Créancier : Atelier Durand & Fils SARL"
    - "Factures concernées : 2 (F-2026-101 et F-2026-117)"
    - "Principal restant dû : 3 250,50 €"
    - "Pénalités et indemnités : 136,44 €"
    - "Total dû : 3 386,94 €"
    - "Date de règlement à obtenir : au plus tard le 9 décembre 2026"
    - "Référence du dossier : REL-2026-0042"
  script: [6]
    - "Bonjour, Atelier Durand & Fils SARL à l\'appareil. Pourrais-je parler à Paul Martin ?"
    - "Je vous appelle au sujet des factures F-2026-101 et F-2026-117, pour un montant restant dû de 3 250,50 €. Sauf erreur de notre part, nous n\'en avons pas reçu le règlement. Avez-vous bien reçu ces factures ?"
    - "Écouter avant de proposer : y a-t-il un problème sur la prestation, une contestation, ou une difficulté de trésorerie ? Un client habituellement ponctuel mérite une écoute attentive."
    - "Obtenir une date de paiement précise, au plus tard le 9 décembre 2026, et le moyen de paiement :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils"
    - "En cas de difficulté réelle, proposer un échéancier et le consigner ; en cas de contestation, noter le motif exact et suspendre la relance."
    - "Conclure en récapitulant l\'engagement pris (montant, date, moyen) et remercier l\'interlocuteur."
  table: RenderedTable
    header: [6]
      - "Facture"
      - "Date"
      - "Échéance"
      - "Montant"
      - "Reste dû"
      - "Retard"
    rows: [2]
      - [6]
        - "F-2026-101"
        - "1er septembre 2026"
        - "1er octobre 2026"
        - "3 000,00 €"
        - "3 000,00 €"
        - "59 jours"
      - [6]
        - "F-2026-117"
        - "15 septembre 2026"
        - "15 octobre 2026"
        - "1 250,50 €"
        - "250,50 €"
        - "45 jours"
  history: RenderedTable
    header: [3]
      - "Date"
      - "Moyen"
      - "Démarche"
    rows: [2]
      - [3]
        - "2 octobre 2026"
        - "courriel"
        - "Rappel amical"
      - [3]
        - "20 octobre 2026"
        - "appel téléphonique"
        - "Appel sans réponse"
  outcomes: [6]
    - "Résultat à consigner après l\'appel :"
    - "- promesse de paiement : montant, date, moyen"
    - "- échéancier proposé : montants et dates"
    - "- contestation : motif précis (suspend la relance)"
    - "- paiement déclaré effectué : date et moyen, à vérifier"
    - "- injoignable ou mauvais numéro"
=== letter.recap letter courteous
letter RenderedLetter
  title: "Relance – rappel des démarches effectuées"
  sender: [3]
    - "Atelier Durand & Fils SARL"
    - "12 rue des Lilas"
    - "69003 Lyon"
  recipient: [4]
    - "Boulangerie Martin"
    - "À l\'attention de Paul Martin"
    - "3 avenue Jean Jaurès"
    - "75019 Paris"
  mailing: nil
  date: "Le 29 novembre 2026"
  reference: [1]
    - "Réf. : REL-2026-0042"
  subject: "Objet : factures impayées n° F-2026-101 et F-2026-117 – 3 386,94 €"
  salutation: "Madame, Monsieur,"
  body: [6]
    - "Sauf erreur de notre part, les factures détaillées ci-dessous restent impayées à ce jour, pour un montant restant dû de 3 250,50 €."
    - "Nous vous avons déjà contacté à ce sujet :\n- le 2 octobre 2026, par courriel : Rappel amical\n- le 20 octobre 2026, par appel téléphonique : Appel sans réponse"
    - "Conformément à l\'article L. 441-10 du code de commerce, ce retard rend exigibles des pénalités de retard (56,44 € à ce jour, au taux annuel de 12,15 %) ainsi que l\'indemnité forfaitaire pour frais de recouvrement de 80,00 €, soit 3 386,94 € au total."
    - "Nous vous demandons de régler la somme de 3 386,94 € au plus tard le 9 décembre 2026, par l\'un des moyens suivants :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils"
    - "Sans règlement de votre part à cette date, l\'étape suivante sera une lettre recommandée avec accusé de réception, à partir du 14 décembre 2026."
    - "Si ce règlement a été effectué entre-temps, nous vous remercions de ne pas tenir compte de ce courrier. Si vous contestez tout ou partie de cette somme, ou si vous rencontrez une difficulté, merci de nous le faire savoir rapidement."
  table: RenderedTable
    header: [6]
      - "Facture"
      - "Date"
      - "Échéance"
      - "Montant"
      - "Reste dû"
      - "Retard"
    rows: [2]
      - [6]
        - "F-2026-101"
        - "1er septembre 2026"
        - "1er octobre 2026"
        - "3 000,00 €"
        - "3 000,00 €"
        - "59 jours"
      - [6]
        - "F-2026-117"
        - "15 septembre 2026"
        - "15 octobre 2026"
        - "1 250,50 €"
        - "250,50 €"
        - "45 jours"
  totals: RenderedTable
    header: [2]
      - "Récapitulatif"
      - "Montant"
    rows: [4]
      - [2]
        - "Principal restant dû"
        - "3 250,50 €"
      - [2]
        - "Pénalités de retard"
        - "56,44 €"
      - [2]
        - "Indemnité forfaitaire pour frais de recouvrement"
        - "80,00 €"
      - [2]
        - "Total dû"
        - "3 386,94 €"
  closing: [1]
    - "Nous vous prions d\'agréer, Madame, Monsieur, l\'expression de nos salutations distinguées."
  signature: [3]
    - "Atelier Durand & Fils SARL"
    - "Claire Durand"
    - "Tél. : 04 78 00 00 00"
  mentions: [0]
=== notice.formal registered_letter courteous
letter RenderedLetter
  title: "MISE EN DEMEURE"
  sender: [3]
    - "Atelier Durand & Fils SARL"
    - "12 rue des Lilas"
    - "69003 Lyon"
  recipient: [4]
    - "Boulangerie Martin"
    - "À l\'attention de Paul Martin"
    - "3 avenue Jean Jaurès"
    - "75019 Paris"
  mailing: "Lettre recommandée avec demande d\'avis de réception"
  date: "Le 29 novembre 2026"
  reference: [1]
    - "Réf. : REL-2026-0042"
  subject: "Objet : mise en demeure de payer – factures n° F-2026-101 et F-2026-117"
  salutation: "Madame, Monsieur,"
  body: [7]
    - "Malgré nos précédentes relances, les factures détaillées ci-dessous demeurent impayées."
    - "Rappel des démarches effectuées :\n- le 2 octobre 2026, par courriel : Rappel amical\n- le 20 octobre 2026, par appel téléphonique : Appel sans réponse"
    - "Par la présente, nous vous mettons en demeure de régler la somme de 3 386,94 €, qui se décompose ainsi : principal 3 250,50 € ; pénalités de retard 56,44 €, au taux annuel de 12,15 % (taux BCE majoré de 10 points) ; indemnité forfaitaire pour frais de recouvrement 80,00 € (articles L. 441-10 et D. 441-5 du code de commerce)."
    - "Ce règlement doit nous parvenir dans un délai de huit jours à compter de la réception de la présente, soit au plus tard le 9 décembre 2026, par l\'un des moyens suivants :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils"
    - "Les pénalités de retard continuent de courir jusqu\'au complet paiement (article L. 441-10 du code de commerce)."
    - "À défaut de règlement dans ce délai, nous engagerons sans autre avis une procédure judiciaire de recouvrement, notamment une requête en injonction de payer à partir du 14 décembre 2026, dont les frais s\'ajouteront aux sommes dues."
    - "La présente lettre vaut mise en demeure au sens de l\'article 1344 du code civil."
  table: RenderedTable
    header: [6]
      - "Facture"
      - "Date"
      - "Échéance"
      - "Montant"
      - "Reste dû"
      - "Retard"
    rows: [2]
      - [6]
        - "F-2026-101"
        - "1er septembre 2026"
        - "1er octobre 2026"
        - "3 000,00 €"
        - "3 000,00 €"
        - "59 jours"
      - [6]
        - "F-2026-117"
        - "15 septembre 2026"
        - "15 octobre 2026"
        - "1 250,50 €"
        - "250,50 €"
        - "45 jours"
  totals: RenderedTable
    header: [2]
      - "Décompte"
      - "Montant"
    rows: [4]
      - [2]
        - "Principal restant dû"
        - "3 250,50 €"
      - [2]
        - "Pénalités de retard"
        - "56,44 €"
      - [2]
        - "Indemnité forfaitaire pour frais de recouvrement"
        - "80,00 €"
      - [2]
        - "Total dû"
        - "3 386,94 €"
  closing: [1]
    - "Nous vous prions d\'agréer, Madame, Monsieur, l\'expression de nos salutations distinguées."
  signature: [2]
    - "Atelier Durand & Fils SARL"
    - "Claire Durand"
  mentions: [0]
=== legal.payment_order legal courteous
legal RenderedDossierCover
  title: "Requête en injonction de payer – dossier REL-2026-0042 – Boulangerie Martin"
  summary: [4]
    - "Créance de 3 386,94 € due par Boulangerie Martin à Atelier Durand & Fils SARL, au titre des factures impayées n° F-2026-101 et F-2026-117."
    - "Fondement : créance contractuelle d\'un montant déterminé (article 1405 du code de procédure civile), résultant des factures énumérées ci-dessous ; pénalités de retard et indemnité forfaitaire de l\'article L. 441-10 du code de commerce."
    - "Juridiction à saisir : président du tribunal de commerce (ou tribunal des activités économiques) du siège du débiteur (article 1406 du code de procédure civile)."
    - "Mise en demeure restée sans effet ; le délai de paiement accordé expirait le 9 décembre 2026."
  parties: RenderedTable
    header: [3]
      - "Qualité"
      - "Nom"
      - "Adresse"
    rows: [2]
      - [3]
        - "Créancier"
        - "Atelier Durand & Fils SARL"
        - "12 rue des Lilas, 69003 Lyon"
      - [3]
        - "Débiteur"
        - "Boulangerie Martin"
        - "3 avenue Jean Jaurès, 75019 Paris"
  table: RenderedTable
    header: [6]
      - "Facture"
      - "Date"
      - "Échéance"
      - "Montant"
      - "Reste dû"
      - "Retard"
    rows: [2]
      - [6]
        - "F-2026-101"
        - "1er septembre 2026"
        - "1er octobre 2026"
        - "3 000,00 €"
        - "3 000,00 €"
        - "59 jours"
      - [6]
        - "F-2026-117"
        - "15 septembre 2026"
        - "15 octobre 2026"
        - "1 250,50 €"
        - "250,50 €"
        - "45 jours"
  totals: RenderedTable
    header: [2]
      - "Décompte"
      - "Montant"
    rows: [4]
      - [2]
        - "Principal"
        - "3 250,50 €"
      - [2]
        - "Pénalités de retard (taux annuel 12,15 %)"
        - "56,44 €"
      - [2]
        - "Indemnité forfaitaire pour frais de recouvrement"
        - "80,00 €"
      - [2]
        - "Total réclamé"
        - "3 386,94 €"
  history: RenderedTable
    header: [3]
      - "Date"
      - "Moyen"
      - "Démarche"
    rows: [2]
      - [3]
        - "2 octobre 2026"
        - "courriel"
        - "Rappel amical"
      - [3]
        - "20 octobre 2026"
        - "appel téléphonique"
        - "Appel sans réponse"
  documents: [6]
    - "Bordereau des pièces :"
    - "1. Factures n° F-2026-101 et F-2026-117"
    - "2. Conditions générales de vente ou contrat"
    - "3. Bon de commande ou devis signé, preuve de livraison ou d\'exécution"
    - "4. Mise en demeure et avis de réception"
    - "5. Relevé de compte du débiteur"
"""#,
"fr three consumer": #"""
=== reminder.courteous email courteous
email RenderedEmail
  subject: "Petit rappel : vos factures H-1, H-2 et H-3 – 1 012 000,04 CHF"
  text: "Bonjour Jean O\'Neil,\n\nSauf erreur de notre part, nous n\'avons pas encore reçu le règlement des factures suivantes. Il s\'agit sans doute d\'un simple oubli :\n\n- Facture n° H-1 du 1er janvier 2026, échéance le 1er février 2026 : 1 000 000,00 CHF restant dû (303 jours de retard)\n- Facture n° H-2 du 15 juin 2026, échéance le 15 juillet 2026 : 0,05 CHF restant dû (139 jours de retard)\n- Facture n° H-3 du 1er novembre 2026, échéance le 31 décembre 2026 : 11 999,99 CHF restant dû\n\nMontant total : 1 012 000,04 CHF, à régler au plus tard le 15 décembre 2026.\n\nVous pouvez régler par :\n- Virement : CH93 0076 2011 6238 5295 7\n- Chèque : à l\'ordre de Besson & Cie\n- Espèces : au comptoir\n\nSi votre paiement est déjà en route, merci de ne pas tenir compte de ce message. Pour toute question, nous restons bien sûr à votre disposition.\n\nBien cordialement,\n\nHorlogerie Besson & Cie\nRéf. : REL-2026-0999"
  html: "<p>Bonjour Jean O&#39;Neil,</p>\n<p>Sauf erreur de notre part, nous n\'avons pas encore reçu le règlement des factures suivantes. Il s\'agit sans doute d\'un simple oubli :</p>\n<table>\n<tr><th>Facture</th><th>Date</th><th>Échéance</th><th>Reste dû</th></tr>\n<tr><td>H-1</td><td>1er janvier 2026</td><td>1er février 2026</td><td>1 000 000,00 CHF</td></tr>\n<tr><td>H-2</td><td>15 juin 2026</td><td>15 juillet 2026</td><td>0,05 CHF</td></tr>\n<tr><td>H-3</td><td>1er novembre 2026</td><td>31 décembre 2026</td><td>11 999,99 CHF</td></tr>\n</table>\n<p>Montant total : <strong>1 012 000,04 CHF</strong>, à régler au plus tard le 15 décembre 2026.</p>\n<ul>\n<li>Virement : CH93 0076 2011 6238 5295 7</li>\n<li>Chèque : à l&#39;ordre de Besson &amp; Cie</li>\n<li>Espèces : au comptoir</li>\n</ul>\n<p>Si votre paiement est déjà en route, merci de ne pas tenir compte de ce message.</p>\n<p>Bien cordialement,<br>Horlogerie Besson &amp; Cie</p>"
=== reminder.courteous email neutral
email RenderedEmail
  subject: "Rappel d\'échéance : factures H-1, H-2 et H-3 – 1 012 000,04 CHF"
  text: "Bonjour Jean O\'Neil,\n\nNous vous rappelons que les factures suivantes sont échues :\n\n- Facture n° H-1 du 1er janvier 2026, échéance le 1er février 2026 : 1 000 000,00 CHF restant dû (303 jours de retard)\n- Facture n° H-2 du 15 juin 2026, échéance le 15 juillet 2026 : 0,05 CHF restant dû (139 jours de retard)\n- Facture n° H-3 du 1er novembre 2026, échéance le 31 décembre 2026 : 11 999,99 CHF restant dû\n\nMontant total : 1 012 000,04 CHF, à régler au plus tard le 15 décembre 2026, par :\n- Virement : CH93 0076 2011 6238 5295 7\n- Chèque : à l\'ordre de Besson & Cie\n- Espèces : au comptoir\n\nSi vous avez déjà effectué ce règlement, merci de ne pas tenir compte de ce message.\n\nCordialement,\n\nHorlogerie Besson & Cie\nRéf. : REL-2026-0999"
  html: nil
=== reminder.courteous email firm
email RenderedEmail
  subject: "Échéance de paiement : factures H-1, H-2 et H-3 – 1 012 000,04 CHF"
  text: "Bonjour Jean O\'Neil,\n\nLes factures suivantes sont échues et restent impayées :\n\n- Facture n° H-1 du 1er janvier 2026, échéance le 1er février 2026 : 1 000 000,00 CHF restant dû (303 jours de retard)\n- Facture n° H-2 du 15 juin 2026, échéance le 15 juillet 2026 : 0,05 CHF restant dû (139 jours de retard)\n- Facture n° H-3 du 1er novembre 2026, échéance le 31 décembre 2026 : 11 999,99 CHF restant dû\n\nLe montant de 1 012 000,04 CHF doit être réglé au plus tard le 15 décembre 2026, par :\n- Virement : CH93 0076 2011 6238 5295 7\n- Chèque : à l\'ordre de Besson & Cie\n- Espèces : au comptoir\n\nCordialement,\n\nHorlogerie Besson & Cie\nRéf. : REL-2026-0999"
  html: nil
=== reminder.neutral email courteous
email RenderedEmail
  subject: "Factures H-1, H-2 et H-3 en attente de règlement – 1 012 000,04 CHF"
  text: "Bonjour Jean O\'Neil,\n\nSauf erreur de notre part, nous n\'avons pas encore reçu le règlement des factures suivantes. Un oubli peut arriver à tout le monde :\n\n- Facture n° H-1 du 1er janvier 2026, échéance le 1er février 2026 : 1 000 000,00 CHF restant dû (303 jours de retard)\n- Facture n° H-2 du 15 juin 2026, échéance le 15 juillet 2026 : 0,05 CHF restant dû (139 jours de retard)\n- Facture n° H-3 du 1er novembre 2026, échéance le 31 décembre 2026 : 11 999,99 CHF restant dû\n\nPourriez-vous procéder au règlement de 1 012 000,04 CHF d\'ici le 15 décembre 2026 ? Vous pouvez régler par :\n- Virement : CH93 0076 2011 6238 5295 7\n- Chèque : à l\'ordre de Besson & Cie\n- Espèces : au comptoir\n\nSi une difficulté vous empêche de régler, ou si vous constatez une erreur sur ces factures, répondez simplement à ce message : nous trouverons une solution ensemble.\n\nBien cordialement,\n\nHorlogerie Besson & Cie\nRéf. : REL-2026-0999"
  html: nil
=== reminder.neutral email neutral
email RenderedEmail
  subject: "Relance : factures H-1, H-2 et H-3 impayées – 1 012 000,04 CHF"
  text: "Bonjour Jean O\'Neil,\n\nSauf erreur de notre part, les factures suivantes restent impayées à ce jour :\n\n- Facture n° H-1 du 1er janvier 2026, échéance le 1er février 2026 : 1 000 000,00 CHF restant dû (303 jours de retard)\n- Facture n° H-2 du 15 juin 2026, échéance le 15 juillet 2026 : 0,05 CHF restant dû (139 jours de retard)\n- Facture n° H-3 du 1er novembre 2026, échéance le 31 décembre 2026 : 11 999,99 CHF restant dû\n\nNous vous remercions de régler la somme de 1 012 000,04 CHF au plus tard le 15 décembre 2026, par :\n- Virement : CH93 0076 2011 6238 5295 7\n- Chèque : à l\'ordre de Besson & Cie\n- Espèces : au comptoir\n\nDes intérêts de retard de 31 415,92 CHF s\'ajoutent à cette somme, soit 1 043 415,96 CHF au total.\n\nSi vous avez déjà effectué ce règlement, merci de nous en communiquer la date.\n\nCordialement,\n\nHorlogerie Besson & Cie\nRéf. : REL-2026-0999"
  html: nil
=== reminder.neutral email firm
email RenderedEmail
  subject: "Impayé : factures H-1, H-2 et H-3 – règlement attendu avant le 15 décembre 2026"
  text: "Bonjour Jean O\'Neil,\n\nMalgré leur échéance, les factures suivantes restent impayées :\n\n- Facture n° H-1 du 1er janvier 2026, échéance le 1er février 2026 : 1 000 000,00 CHF restant dû (303 jours de retard)\n- Facture n° H-2 du 15 juin 2026, échéance le 15 juillet 2026 : 0,05 CHF restant dû (139 jours de retard)\n- Facture n° H-3 du 1er novembre 2026, échéance le 31 décembre 2026 : 11 999,99 CHF restant dû\n\nNous vous demandons de régler la somme de 1 012 000,04 CHF au plus tard le 15 décembre 2026, par :\n- Virement : CH93 0076 2011 6238 5295 7\n- Chèque : à l\'ordre de Besson & Cie\n- Espèces : au comptoir\n\nDes intérêts de retard de 31 415,92 CHF s\'ajoutent à cette somme, soit 1 043 415,96 CHF au total.\n\nSans règlement à cette date, l\'étape suivante sera une procédure judiciaire de recouvrement, à partir du 1er janvier 2027.\n\nCordialement,\n\nHorlogerie Besson & Cie\nRéf. : REL-2026-0999"
  html: nil
=== reminder.firm email courteous
email RenderedEmail
  subject: "Nouveau rappel : factures H-1, H-2 et H-3 – 1 043 415,96 CHF"
  text: "Bonjour Jean O\'Neil,\n\nNous revenons vers vous car, malgré notre précédent rappel, les factures suivantes restent impayées :\n\n- Facture n° H-1 du 1er janvier 2026, échéance le 1er février 2026 : 1 000 000,00 CHF restant dû (303 jours de retard)\n- Facture n° H-2 du 15 juin 2026, échéance le 15 juillet 2026 : 0,05 CHF restant dû (139 jours de retard)\n- Facture n° H-3 du 1er novembre 2026, échéance le 31 décembre 2026 : 11 999,99 CHF restant dû\n\nDes intérêts de retard de 31 415,92 CHF s\'ajoutent à cette somme, soit 1 043 415,96 CHF au total.\n\nNous vous remercions de bien vouloir régler la somme de 1 043 415,96 CHF au plus tard le 15 décembre 2026, par :\n- Virement : CH93 0076 2011 6238 5295 7\n- Chèque : à l\'ordre de Besson & Cie\n- Espèces : au comptoir\n\nSi vous rencontrez une difficulté passagère, contactez-nous avant cette date : un échéancier peut être envisagé.\n\nBien cordialement,\n\nHorlogerie Besson & Cie\nRéf. : REL-2026-0999"
  html: nil
=== reminder.firm email neutral
email RenderedEmail
  subject: "Deuxième relance : factures H-1, H-2 et H-3 – 1 043 415,96 CHF"
  text: "Bonjour Jean O\'Neil,\n\nMalgré nos précédentes relances, les factures suivantes restent impayées :\n\n- Facture n° H-1 du 1er janvier 2026, échéance le 1er février 2026 : 1 000 000,00 CHF restant dû (303 jours de retard)\n- Facture n° H-2 du 15 juin 2026, échéance le 15 juillet 2026 : 0,05 CHF restant dû (139 jours de retard)\n- Facture n° H-3 du 1er novembre 2026, échéance le 31 décembre 2026 : 11 999,99 CHF restant dû\n\nDes intérêts de retard de 31 415,92 CHF s\'ajoutent à cette somme, soit 1 043 415,96 CHF au total.\n\nNous vous demandons de régler la somme de 1 043 415,96 CHF au plus tard le 15 décembre 2026, par :\n- Virement : CH93 0076 2011 6238 5295 7\n- Chèque : à l\'ordre de Besson & Cie\n- Espèces : au comptoir\n\nÀ défaut, l\'étape suivante sera une procédure judiciaire de recouvrement, à partir du 1er janvier 2027.\n\nCordialement,\n\nHorlogerie Besson & Cie\nRéf. : REL-2026-0999"
  html: nil
=== reminder.firm email firm
email RenderedEmail
  subject: "Dernière relance avant mise en demeure : factures H-1, H-2 et H-3 – 1 043 415,96 CHF"
  text: "Bonjour Jean O\'Neil,\n\nNos relances sont restées sans effet : les factures suivantes sont toujours impayées :\n\n- Facture n° H-1 du 1er janvier 2026, échéance le 1er février 2026 : 1 000 000,00 CHF restant dû (303 jours de retard)\n- Facture n° H-2 du 15 juin 2026, échéance le 15 juillet 2026 : 0,05 CHF restant dû (139 jours de retard)\n- Facture n° H-3 du 1er novembre 2026, échéance le 31 décembre 2026 : 11 999,99 CHF restant dû\n\nDes intérêts de retard de 31 415,92 CHF s\'ajoutent à cette somme, soit 1 043 415,96 CHF au total.\n\nNous exigeons le règlement de la somme de 1 043 415,96 CHF au plus tard le 15 décembre 2026, par :\n- Virement : CH93 0076 2011 6238 5295 7\n- Chèque : à l\'ordre de Besson & Cie\n- Espèces : au comptoir\n\nSans règlement à cette date, nous vous adresserons une mise en demeure à partir du 1er janvier 2027, préalable à une action en justice.\n\nHorlogerie Besson & Cie\nRéf. : REL-2026-0999"
  html: nil
=== call.first call courteous
call RenderedCallBriefing
  title: "Appel de relance – Jean \"Jo\" O\'Neil <Ateliers> – 1 043 415,96 CHF"
  summary: [10]
    - "Débiteur : Jean \"Jo\" O\'Neil <Ateliers> (particulier)"
    - "Interlocuteur : Jean O\'Neil"
    - "Téléphone : +41 22 000 00 00"
    - "Créancier : Horlogerie Besson & Cie"
    - "Factures concernées : 3 (H-1, H-2 et H-3)"
    - "Principal restant dû : 1 012 000,04 CHF"
    - "Pénalités et indemnités : 31 415,92 CHF"
    - "Total dû : 1 043 415,96 CHF"
    - "Date de règlement à obtenir : au plus tard le 15 décembre 2026"
    - "Référence du dossier : REL-2026-0999"
  script: [6]
    - "Bonjour, Horlogerie Besson & Cie à l\'appareil. Pourrais-je parler à Jean O\'Neil ?"
    - "Je vous appelle au sujet des factures H-1, H-2 et H-3, pour un montant restant dû de 1 012 000,04 CHF. Sauf erreur de notre part, nous n\'en avons pas reçu le règlement. Avez-vous bien reçu ces factures ?"
    - "Écouter avant de proposer : y a-t-il un problème sur la prestation, une contestation, ou une difficulté de trésorerie ? Un client habituellement ponctuel mérite une écoute attentive."
    - "Obtenir une date de paiement précise, au plus tard le 15 décembre 2026, et le moyen de paiement :\n- Virement : CH93 0076 2011 6238 5295 7\n- Chèque : à l\'ordre de Besson & Cie\n- Espèces : au comptoir"
    - "En cas de difficulté réelle, proposer un échéancier et le consigner ; en cas de contestation, noter le motif exact et suspendre la relance."
    - "Conclure en récapitulant l\'engagement pris (montant, date, moyen) et remercier l\'interlocuteur."
  table: RenderedTable
    header: [6]
      - "Facture"
      - "Date"
      - "Échéance"
      - "Montant"
      - "Reste dû"
      - "Retard"
    rows: [3]
      - [6]
        - "H-1"
        - "1er janvier 2026"
        - "1er février 2026"
        - "1 234 567,89 CHF"
        - "1 000 000,00 CHF"
        - "303 jours"
      - [6]
        - "H-2"
        - "15 juin 2026"
        - "15 juillet 2026"
        - "0,05 CHF"
        - "0,05 CHF"
        - "139 jours"
      - [6]
        - "H-3"
        - "1er novembre 2026"
        - "31 décembre 2026"
        - "12 000,00 CHF"
        - "11 999,99 CHF"
        - "0 jour"
  history: RenderedTable
    header: [3]
      - "Date"
      - "Moyen"
      - "Démarche"
    rows: [3]
      - [3]
        - "2 février 2026"
        - "courriel"
        - "Rappel <1> & \"amical\""
      - [3]
        - "1er mars 2026"
        - "courrier"
        - "Courrier"
      - [3]
        - "10 avril 2026"
        - "lettre recommandée avec accusé de réception"
        - "Mise en demeure"
  outcomes: [6]
    - "Résultat à consigner après l\'appel :"
    - "- promesse de paiement : montant, date, moyen"
    - "- échéancier proposé : montants et dates"
    - "- contestation : motif précis (suspend la relance)"
    - "- paiement déclaré effectué : date et moyen, à vérifier"
    - "- injoignable ou mauvais numéro"
=== letter.recap letter courteous
letter RenderedLetter
  title: "Relance – rappel des démarches effectuées"
  sender: [2]
    - "Horlogerie Besson & Cie"
    - "2 rue de la Paix"
  recipient: [5]
    - "Jean \"Jo\" O\'Neil <Ateliers>"
    - "À l\'attention de Jean O\'Neil"
    - "Rue du Rhône 5"
    - "1204 Genève"
    - "Suisse"
  mailing: nil
  date: "Le 1er décembre 2026"
  reference: [1]
    - "Réf. : REL-2026-0999"
  subject: "Objet : factures impayées n° H-1, H-2 et H-3 – 1 043 415,96 CHF"
  salutation: "Madame, Monsieur,"
  body: [6]
    - "Sauf erreur de notre part, les factures détaillées ci-dessous restent impayées à ce jour, pour un montant restant dû de 1 012 000,04 CHF."
    - "Nous vous avons déjà contacté à ce sujet :\n- le 2 février 2026, par courriel : Rappel <1> & \"amical\"\n- le 1er mars 2026, par courrier : Courrier\n- le 10 avril 2026, par lettre recommandée avec accusé de réception : Mise en demeure"
    - "Des intérêts de retard de 31 415,92 CHF s\'ajoutent à cette somme, soit 1 043 415,96 CHF au total."
    - "Nous vous demandons de régler la somme de 1 043 415,96 CHF au plus tard le 15 décembre 2026, par l\'un des moyens suivants :\n- Virement : CH93 0076 2011 6238 5295 7\n- Chèque : à l\'ordre de Besson & Cie\n- Espèces : au comptoir"
    - "Sans règlement de votre part à cette date, l\'étape suivante sera une procédure judiciaire de recouvrement, à partir du 1er janvier 2027."
    - "Si ce règlement a été effectué entre-temps, nous vous remercions de ne pas tenir compte de ce courrier. Si vous contestez tout ou partie de cette somme, ou si vous rencontrez une difficulté, merci de nous le faire savoir rapidement."
  table: RenderedTable
    header: [6]
      - "Facture"
      - "Date"
      - "Échéance"
      - "Montant"
      - "Reste dû"
      - "Retard"
    rows: [3]
      - [6]
        - "H-1"
        - "1er janvier 2026"
        - "1er février 2026"
        - "1 234 567,89 CHF"
        - "1 000 000,00 CHF"
        - "303 jours"
      - [6]
        - "H-2"
        - "15 juin 2026"
        - "15 juillet 2026"
        - "0,05 CHF"
        - "0,05 CHF"
        - "139 jours"
      - [6]
        - "H-3"
        - "1er novembre 2026"
        - "31 décembre 2026"
        - "12 000,00 CHF"
        - "11 999,99 CHF"
        - "0 jour"
  totals: RenderedTable
    header: [2]
      - "Récapitulatif"
      - "Montant"
    rows: [3]
      - [2]
        - "Principal restant dû"
        - "1 012 000,04 CHF"
      - [2]
        - "Pénalités de retard"
        - "31 415,92 CHF"
      - [2]
        - "Total dû"
        - "1 043 415,96 CHF"
  closing: [1]
    - "Nous vous prions d\'agréer, Madame, Monsieur, l\'expression de nos salutations distinguées."
  signature: [1]
    - "Horlogerie Besson & Cie"
  mentions: [0]
=== notice.formal registered_letter courteous
letter RenderedLetter
  title: "MISE EN DEMEURE"
  sender: [2]
    - "Horlogerie Besson & Cie"
    - "2 rue de la Paix"
  recipient: [5]
    - "Jean \"Jo\" O\'Neil <Ateliers>"
    - "À l\'attention de Jean O\'Neil"
    - "Rue du Rhône 5"
    - "1204 Genève"
    - "Suisse"
  mailing: "Lettre recommandée avec demande d\'avis de réception"
  date: "Le 1er décembre 2026"
  reference: [1]
    - "Réf. : REL-2026-0999"
  subject: "Objet : mise en demeure de payer – factures n° H-1, H-2 et H-3"
  salutation: "Madame, Monsieur,"
  body: [7]
    - "Malgré nos précédentes relances, les factures détaillées ci-dessous demeurent impayées."
    - "Rappel des démarches effectuées :\n- le 2 février 2026, par courriel : Rappel <1> & \"amical\"\n- le 1er mars 2026, par courrier : Courrier\n- le 10 avril 2026, par lettre recommandée avec accusé de réception : Mise en demeure"
    - "Par la présente, nous vous mettons en demeure de régler la somme de 1 043 415,96 CHF, qui se décompose ainsi : principal 1 012 000,04 CHF ; intérêts de retard 31 415,92 CHF, au taux annuel de 8 %."
    - "Ce règlement doit nous parvenir dans un délai de huit jours à compter de la réception de la présente, soit au plus tard le 15 décembre 2026, par l\'un des moyens suivants :\n- Virement : CH93 0076 2011 6238 5295 7\n- Chèque : à l\'ordre de Besson & Cie\n- Espèces : au comptoir"
    - "La présente mise en demeure fait courir les intérêts au taux légal sur les sommes dues (articles 1231-6 et 1344-1 du code civil)."
    - "À défaut de règlement dans ce délai, nous engagerons sans autre avis une procédure judiciaire de recouvrement, notamment une requête en injonction de payer à partir du 1er janvier 2027, dont les frais s\'ajouteront aux sommes dues."
    - "La présente lettre vaut mise en demeure au sens de l\'article 1344 du code civil."
  table: RenderedTable
    header: [6]
      - "Facture"
      - "Date"
      - "Échéance"
      - "Montant"
      - "Reste dû"
      - "Retard"
    rows: [3]
      - [6]
        - "H-1"
        - "1er janvier 2026"
        - "1er février 2026"
        - "1 234 567,89 CHF"
        - "1 000 000,00 CHF"
        - "303 jours"
      - [6]
        - "H-2"
        - "15 juin 2026"
        - "15 juillet 2026"
        - "0,05 CHF"
        - "0,05 CHF"
        - "139 jours"
      - [6]
        - "H-3"
        - "1er novembre 2026"
        - "31 décembre 2026"
        - "12 000,00 CHF"
        - "11 999,99 CHF"
        - "0 jour"
  totals: RenderedTable
    header: [2]
      - "Décompte"
      - "Montant"
    rows: [3]
      - [2]
        - "Principal restant dû"
        - "1 012 000,04 CHF"
      - [2]
        - "Intérêts de retard"
        - "31 415,92 CHF"
      - [2]
        - "Total dû"
        - "1 043 415,96 CHF"
  closing: [1]
    - "Nous vous prions d\'agréer, Madame, Monsieur, l\'expression de nos salutations distinguées."
  signature: [1]
    - "Horlogerie Besson & Cie"
  mentions: [0]
=== legal.payment_order legal courteous
legal RenderedDossierCover
  title: "Requête en injonction de payer – dossier REL-2026-0999 – Jean \"Jo\" O\'Neil <Ateliers>"
  summary: [4]
    - "Créance de 1 043 415,96 CHF due par Jean \"Jo\" O\'Neil <Ateliers> à Horlogerie Besson & Cie, au titre des factures impayées n° H-1, H-2 et H-3."
    - "Fondement : créance contractuelle d\'un montant déterminé (article 1405 du code de procédure civile), résultant des factures énumérées ci-dessous ; intérêts au taux légal à compter de la mise en demeure (article 1231-6 du code civil)."
    - "Juridiction à saisir : tribunal judiciaire du domicile du débiteur (article 1406 du code de procédure civile)."
    - "Mise en demeure restée sans effet ; le délai de paiement accordé expirait le 15 décembre 2026."
  parties: RenderedTable
    header: [3]
      - "Qualité"
      - "Nom"
      - "Adresse"
    rows: [2]
      - [3]
        - "Créancier"
        - "Horlogerie Besson & Cie"
        - "2 rue de la Paix"
      - [3]
        - "Débiteur"
        - "Jean \"Jo\" O\'Neil <Ateliers>"
        - "Rue du Rhône 5, 1204 Genève, Suisse"
  table: RenderedTable
    header: [6]
      - "Facture"
      - "Date"
      - "Échéance"
      - "Montant"
      - "Reste dû"
      - "Retard"
    rows: [3]
      - [6]
        - "H-1"
        - "1er janvier 2026"
        - "1er février 2026"
        - "1 234 567,89 CHF"
        - "1 000 000,00 CHF"
        - "303 jours"
      - [6]
        - "H-2"
        - "15 juin 2026"
        - "15 juillet 2026"
        - "0,05 CHF"
        - "0,05 CHF"
        - "139 jours"
      - [6]
        - "H-3"
        - "1er novembre 2026"
        - "31 décembre 2026"
        - "12 000,00 CHF"
        - "11 999,99 CHF"
        - "0 jour"
  totals: RenderedTable
    header: [2]
      - "Décompte"
      - "Montant"
    rows: [3]
      - [2]
        - "Principal"
        - "1 012 000,04 CHF"
      - [2]
        - "Intérêts (taux annuel 8 %)"
        - "31 415,92 CHF"
      - [2]
        - "Total réclamé"
        - "1 043 415,96 CHF"
  history: RenderedTable
    header: [3]
      - "Date"
      - "Moyen"
      - "Démarche"
    rows: [3]
      - [3]
        - "2 février 2026"
        - "courriel"
        - "Rappel <1> & \"amical\""
      - [3]
        - "1er mars 2026"
        - "courrier"
        - "Courrier"
      - [3]
        - "10 avril 2026"
        - "lettre recommandée avec accusé de réception"
        - "Mise en demeure"
  documents: [6]
    - "Bordereau des pièces :"
    - "1. Factures n° H-1, H-2 et H-3"
    - "2. Conditions générales de vente ou contrat"
    - "3. Bon de commande ou devis signé, preuve de livraison ou d\'exécution"
    - "4. Mise en demeure et avis de réception"
    - "5. Relevé de compte du débiteur"
"""#,
"fr agency first": #"""
=== reminder.courteous email courteous
email RenderedEmail
  subject: "Petit rappel : vos factures F-2026-101 et F-2026-117 – 3 250,50 €"
  text: "Bonjour Paul Martin,\n\nSauf erreur de notre part, nous n\'avons pas encore reçu le règlement des factures suivantes. Il s\'agit sans doute d\'un simple oubli :\n\n- Facture n° F-2026-101 du 1er septembre 2026, échéance le 1er octobre 2026 : 3 000,00 € restant dû (59 jours de retard)\n- Facture n° F-2026-117 du 15 septembre 2026, échéance le 15 octobre 2026 : 250,50 € restant dû (45 jours de retard)\n\nMontant total : 3 250,50 €, à régler au plus tard le 9 décembre 2026.\n\nVous pouvez régler par :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nSi votre paiement est déjà en route, merci de ne pas tenir compte de ce message. Pour toute question, nous restons bien sûr à votre disposition.\n\nBien cordialement,\n\nRecouvra SAS\nPour le compte de notre client : Atelier Durand & Fils SARL\nTél. : 04 72 00 00 00\nRéf. : REL-2026-0042\n--\nRecouvra SAS, 8 place Bellecour, 69002 Lyon. Notre société exerce une activité de recouvrement amiable de créances pour le compte de tiers.\n\nCréancier : Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon.\n\nFondement et montant de la créance :\n- facture n° F-2026-101 du 1er septembre 2026, échue le 1er octobre 2026 : 3 000,00 €\n- facture n° F-2026-117 du 15 septembre 2026, échue le 15 octobre 2026 : 250,50 €\nPrincipal : 3 250,50 €\nIntérêts et pénalités de retard : 56,44 €\nIndemnité forfaitaire pour frais de recouvrement (article D. 441-5 du code de commerce) : 80,00 €\nTotal dû : 3 386,94 €\nAucun frais de recouvrement amiable n\'est mis à votre charge.\n\nNous vous demandons de régler la somme de 3 386,94 € au plus tard le 9 décembre 2026, par l\'un des moyens suivants :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nArticle L. 111-8 du code des procédures civiles d\'exécution, alinéas 2 et 3 :\n\nLes frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s\'ils concernent un acte dont l\'accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire.\n\nCependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l\'exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi.\n\nRéférence et date de ce courrier, à rappeler dans toute correspondance : REL-2026-0042 du 29 novembre 2026."
  html: "<p>Bonjour Paul Martin,</p>\n<p>Sauf erreur de notre part, nous n\'avons pas encore reçu le règlement des factures suivantes. Il s\'agit sans doute d\'un simple oubli :</p>\n<table>\n<tr><th>Facture</th><th>Date</th><th>Échéance</th><th>Reste dû</th></tr>\n<tr><td>F-2026-101</td><td>1er septembre 2026</td><td>1er octobre 2026</td><td>3 000,00 €</td></tr>\n<tr><td>F-2026-117</td><td>15 septembre 2026</td><td>15 octobre 2026</td><td>250,50 €</td></tr>\n</table>\n<p>Montant total : <strong>3 250,50 €</strong>, à régler au plus tard le 9 décembre 2026.</p>\n<ul>\n<li>Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP</li>\n<li>Chèque : à l&#39;ordre d&#39;Atelier Durand &amp; Fils</li>\n</ul>\n<p>Si votre paiement est déjà en route, merci de ne pas tenir compte de ce message.</p>\n<p>Bien cordialement,<br>Recouvra SAS</p>"
=== reminder.courteous email neutral
email RenderedEmail
  subject: "Rappel d\'échéance : factures F-2026-101 et F-2026-117 – 3 250,50 €"
  text: "Bonjour Paul Martin,\n\nNous vous rappelons que les factures suivantes sont échues :\n\n- Facture n° F-2026-101 du 1er septembre 2026, échéance le 1er octobre 2026 : 3 000,00 € restant dû (59 jours de retard)\n- Facture n° F-2026-117 du 15 septembre 2026, échéance le 15 octobre 2026 : 250,50 € restant dû (45 jours de retard)\n\nMontant total : 3 250,50 €, à régler au plus tard le 9 décembre 2026, par :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nSi vous avez déjà effectué ce règlement, merci de ne pas tenir compte de ce message.\n\nCordialement,\n\nRecouvra SAS\nPour le compte de notre client : Atelier Durand & Fils SARL\nTél. : 04 72 00 00 00\nRéf. : REL-2026-0042\n--\nRecouvra SAS, 8 place Bellecour, 69002 Lyon. Notre société exerce une activité de recouvrement amiable de créances pour le compte de tiers.\n\nCréancier : Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon.\n\nFondement et montant de la créance :\n- facture n° F-2026-101 du 1er septembre 2026, échue le 1er octobre 2026 : 3 000,00 €\n- facture n° F-2026-117 du 15 septembre 2026, échue le 15 octobre 2026 : 250,50 €\nPrincipal : 3 250,50 €\nIntérêts et pénalités de retard : 56,44 €\nIndemnité forfaitaire pour frais de recouvrement (article D. 441-5 du code de commerce) : 80,00 €\nTotal dû : 3 386,94 €\nAucun frais de recouvrement amiable n\'est mis à votre charge.\n\nNous vous demandons de régler la somme de 3 386,94 € au plus tard le 9 décembre 2026, par l\'un des moyens suivants :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nArticle L. 111-8 du code des procédures civiles d\'exécution, alinéas 2 et 3 :\n\nLes frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s\'ils concernent un acte dont l\'accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire.\n\nCependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l\'exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi.\n\nRéférence et date de ce courrier, à rappeler dans toute correspondance : REL-2026-0042 du 29 novembre 2026."
  html: nil
=== reminder.courteous email firm
email RenderedEmail
  subject: "Échéance de paiement : factures F-2026-101 et F-2026-117 – 3 250,50 €"
  text: "Bonjour Paul Martin,\n\nLes factures suivantes sont échues et restent impayées :\n\n- Facture n° F-2026-101 du 1er septembre 2026, échéance le 1er octobre 2026 : 3 000,00 € restant dû (59 jours de retard)\n- Facture n° F-2026-117 du 15 septembre 2026, échéance le 15 octobre 2026 : 250,50 € restant dû (45 jours de retard)\n\nLe montant de 3 250,50 € doit être réglé au plus tard le 9 décembre 2026, par :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nNous vous rappelons que tout retard de paiement rend exigibles, sans rappel préalable, des pénalités de retard et une indemnité forfaitaire pour frais de recouvrement de 40 € par facture (article L. 441-10 du code de commerce).\n\nCordialement,\n\nRecouvra SAS\nPour le compte de notre client : Atelier Durand & Fils SARL\nTél. : 04 72 00 00 00\nRéf. : REL-2026-0042\n--\nRecouvra SAS, 8 place Bellecour, 69002 Lyon. Notre société exerce une activité de recouvrement amiable de créances pour le compte de tiers.\n\nCréancier : Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon.\n\nFondement et montant de la créance :\n- facture n° F-2026-101 du 1er septembre 2026, échue le 1er octobre 2026 : 3 000,00 €\n- facture n° F-2026-117 du 15 septembre 2026, échue le 15 octobre 2026 : 250,50 €\nPrincipal : 3 250,50 €\nIntérêts et pénalités de retard : 56,44 €\nIndemnité forfaitaire pour frais de recouvrement (article D. 441-5 du code de commerce) : 80,00 €\nTotal dû : 3 386,94 €\nAucun frais de recouvrement amiable n\'est mis à votre charge.\n\nNous vous demandons de régler la somme de 3 386,94 € au plus tard le 9 décembre 2026, par l\'un des moyens suivants :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nArticle L. 111-8 du code des procédures civiles d\'exécution, alinéas 2 et 3 :\n\nLes frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s\'ils concernent un acte dont l\'accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire.\n\nCependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l\'exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi.\n\nRéférence et date de ce courrier, à rappeler dans toute correspondance : REL-2026-0042 du 29 novembre 2026."
  html: nil
=== reminder.neutral email courteous
email RenderedEmail
  subject: "Factures F-2026-101 et F-2026-117 en attente de règlement – 3 250,50 €"
  text: "Bonjour Paul Martin,\n\nSauf erreur de notre part, nous n\'avons pas encore reçu le règlement des factures suivantes. Un oubli peut arriver à tout le monde :\n\n- Facture n° F-2026-101 du 1er septembre 2026, échéance le 1er octobre 2026 : 3 000,00 € restant dû (59 jours de retard)\n- Facture n° F-2026-117 du 15 septembre 2026, échéance le 15 octobre 2026 : 250,50 € restant dû (45 jours de retard)\n\nPourriez-vous procéder au règlement de 3 250,50 € d\'ici le 9 décembre 2026 ? Vous pouvez régler par :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nSi une difficulté vous empêche de régler, ou si vous constatez une erreur sur ces factures, répondez simplement à ce message : nous trouverons une solution ensemble.\n\nBien cordialement,\n\nRecouvra SAS\nPour le compte de notre client : Atelier Durand & Fils SARL\nTél. : 04 72 00 00 00\nRéf. : REL-2026-0042\n--\nRecouvra SAS, 8 place Bellecour, 69002 Lyon. Notre société exerce une activité de recouvrement amiable de créances pour le compte de tiers.\n\nCréancier : Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon.\n\nFondement et montant de la créance :\n- facture n° F-2026-101 du 1er septembre 2026, échue le 1er octobre 2026 : 3 000,00 €\n- facture n° F-2026-117 du 15 septembre 2026, échue le 15 octobre 2026 : 250,50 €\nPrincipal : 3 250,50 €\nIntérêts et pénalités de retard : 56,44 €\nIndemnité forfaitaire pour frais de recouvrement (article D. 441-5 du code de commerce) : 80,00 €\nTotal dû : 3 386,94 €\nAucun frais de recouvrement amiable n\'est mis à votre charge.\n\nNous vous demandons de régler la somme de 3 386,94 € au plus tard le 9 décembre 2026, par l\'un des moyens suivants :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nArticle L. 111-8 du code des procédures civiles d\'exécution, alinéas 2 et 3 :\n\nLes frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s\'ils concernent un acte dont l\'accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire.\n\nCependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l\'exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi.\n\nRéférence et date de ce courrier, à rappeler dans toute correspondance : REL-2026-0042 du 29 novembre 2026."
  html: nil
=== reminder.neutral email neutral
email RenderedEmail
  subject: "Relance : factures F-2026-101 et F-2026-117 impayées – 3 250,50 €"
  text: "Bonjour Paul Martin,\n\nSauf erreur de notre part, les factures suivantes restent impayées à ce jour :\n\n- Facture n° F-2026-101 du 1er septembre 2026, échéance le 1er octobre 2026 : 3 000,00 € restant dû (59 jours de retard)\n- Facture n° F-2026-117 du 15 septembre 2026, échéance le 15 octobre 2026 : 250,50 € restant dû (45 jours de retard)\n\nNous vous remercions de régler la somme de 3 250,50 € au plus tard le 9 décembre 2026, par :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nConformément à l\'article L. 441-10 du code de commerce, ce retard rend exigibles des pénalités de retard (56,44 € à ce jour, au taux annuel de 12,15 %) ainsi que l\'indemnité forfaitaire pour frais de recouvrement de 80,00 €, soit 3 386,94 € au total.\n\nSi vous avez déjà effectué ce règlement, merci de nous en communiquer la date.\n\nCordialement,\n\nRecouvra SAS\nPour le compte de notre client : Atelier Durand & Fils SARL\nTél. : 04 72 00 00 00\nRéf. : REL-2026-0042\n--\nRecouvra SAS, 8 place Bellecour, 69002 Lyon. Notre société exerce une activité de recouvrement amiable de créances pour le compte de tiers.\n\nCréancier : Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon.\n\nFondement et montant de la créance :\n- facture n° F-2026-101 du 1er septembre 2026, échue le 1er octobre 2026 : 3 000,00 €\n- facture n° F-2026-117 du 15 septembre 2026, échue le 15 octobre 2026 : 250,50 €\nPrincipal : 3 250,50 €\nIntérêts et pénalités de retard : 56,44 €\nIndemnité forfaitaire pour frais de recouvrement (article D. 441-5 du code de commerce) : 80,00 €\nTotal dû : 3 386,94 €\nAucun frais de recouvrement amiable n\'est mis à votre charge.\n\nNous vous demandons de régler la somme de 3 386,94 € au plus tard le 9 décembre 2026, par l\'un des moyens suivants :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nArticle L. 111-8 du code des procédures civiles d\'exécution, alinéas 2 et 3 :\n\nLes frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s\'ils concernent un acte dont l\'accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire.\n\nCependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l\'exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi.\n\nRéférence et date de ce courrier, à rappeler dans toute correspondance : REL-2026-0042 du 29 novembre 2026."
  html: nil
=== reminder.neutral email firm
email RenderedEmail
  subject: "Impayé : factures F-2026-101 et F-2026-117 – règlement attendu avant le 9 décembre 2026"
  text: "Bonjour Paul Martin,\n\nMalgré leur échéance, les factures suivantes restent impayées :\n\n- Facture n° F-2026-101 du 1er septembre 2026, échéance le 1er octobre 2026 : 3 000,00 € restant dû (59 jours de retard)\n- Facture n° F-2026-117 du 15 septembre 2026, échéance le 15 octobre 2026 : 250,50 € restant dû (45 jours de retard)\n\nNous vous demandons de régler la somme de 3 250,50 € au plus tard le 9 décembre 2026, par :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nConformément à l\'article L. 441-10 du code de commerce, ce retard rend exigibles des pénalités de retard (56,44 € à ce jour, au taux annuel de 12,15 %) ainsi que l\'indemnité forfaitaire pour frais de recouvrement de 80,00 €, soit 3 386,94 € au total.\n\nSans règlement à cette date, l\'étape suivante sera une lettre recommandée avec accusé de réception, à partir du 14 décembre 2026.\n\nCordialement,\n\nRecouvra SAS\nPour le compte de notre client : Atelier Durand & Fils SARL\nTél. : 04 72 00 00 00\nRéf. : REL-2026-0042\n--\nRecouvra SAS, 8 place Bellecour, 69002 Lyon. Notre société exerce une activité de recouvrement amiable de créances pour le compte de tiers.\n\nCréancier : Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon.\n\nFondement et montant de la créance :\n- facture n° F-2026-101 du 1er septembre 2026, échue le 1er octobre 2026 : 3 000,00 €\n- facture n° F-2026-117 du 15 septembre 2026, échue le 15 octobre 2026 : 250,50 €\nPrincipal : 3 250,50 €\nIntérêts et pénalités de retard : 56,44 €\nIndemnité forfaitaire pour frais de recouvrement (article D. 441-5 du code de commerce) : 80,00 €\nTotal dû : 3 386,94 €\nAucun frais de recouvrement amiable n\'est mis à votre charge.\n\nNous vous demandons de régler la somme de 3 386,94 € au plus tard le 9 décembre 2026, par l\'un des moyens suivants :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nArticle L. 111-8 du code des procédures civiles d\'exécution, alinéas 2 et 3 :\n\nLes frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s\'ils concernent un acte dont l\'accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire.\n\nCependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l\'exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi.\n\nRéférence et date de ce courrier, à rappeler dans toute correspondance : REL-2026-0042 du 29 novembre 2026."
  html: nil
=== reminder.firm email courteous
email RenderedEmail
  subject: "Nouveau rappel : factures F-2026-101 et F-2026-117 – 3 386,94 €"
  text: "Bonjour Paul Martin,\n\nNous revenons vers vous car, malgré notre précédent rappel, les factures suivantes restent impayées :\n\n- Facture n° F-2026-101 du 1er septembre 2026, échéance le 1er octobre 2026 : 3 000,00 € restant dû (59 jours de retard)\n- Facture n° F-2026-117 du 15 septembre 2026, échéance le 15 octobre 2026 : 250,50 € restant dû (45 jours de retard)\n\nConformément à l\'article L. 441-10 du code de commerce, ce retard rend exigibles des pénalités de retard (56,44 € à ce jour, au taux annuel de 12,15 %) ainsi que l\'indemnité forfaitaire pour frais de recouvrement de 80,00 €, soit 3 386,94 € au total.\n\nNous vous remercions de bien vouloir régler la somme de 3 386,94 € au plus tard le 9 décembre 2026, par :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nSi vous rencontrez une difficulté passagère, contactez-nous avant cette date : un échéancier peut être envisagé.\n\nBien cordialement,\n\nRecouvra SAS\nPour le compte de notre client : Atelier Durand & Fils SARL\nTél. : 04 72 00 00 00\nRéf. : REL-2026-0042\n--\nRecouvra SAS, 8 place Bellecour, 69002 Lyon. Notre société exerce une activité de recouvrement amiable de créances pour le compte de tiers.\n\nCréancier : Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon.\n\nFondement et montant de la créance :\n- facture n° F-2026-101 du 1er septembre 2026, échue le 1er octobre 2026 : 3 000,00 €\n- facture n° F-2026-117 du 15 septembre 2026, échue le 15 octobre 2026 : 250,50 €\nPrincipal : 3 250,50 €\nIntérêts et pénalités de retard : 56,44 €\nIndemnité forfaitaire pour frais de recouvrement (article D. 441-5 du code de commerce) : 80,00 €\nTotal dû : 3 386,94 €\nAucun frais de recouvrement amiable n\'est mis à votre charge.\n\nNous vous demandons de régler la somme de 3 386,94 € au plus tard le 9 décembre 2026, par l\'un des moyens suivants :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nArticle L. 111-8 du code des procédures civiles d\'exécution, alinéas 2 et 3 :\n\nLes frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s\'ils concernent un acte dont l\'accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire.\n\nCependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l\'exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi.\n\nRéférence et date de ce courrier, à rappeler dans toute correspondance : REL-2026-0042 du 29 novembre 2026."
  html: nil
=== reminder.firm email neutral
email RenderedEmail
  subject: "Deuxième relance : factures F-2026-101 et F-2026-117 – 3 386,94 €"
  text: "Bonjour Paul Martin,\n\nMalgré nos précédentes relances, les factures suivantes restent impayées :\n\n- Facture n° F-2026-101 du 1er septembre 2026, échéance le 1er octobre 2026 : 3 000,00 € restant dû (59 jours de retard)\n- Facture n° F-2026-117 du 15 septembre 2026, échéance le 15 octobre 2026 : 250,50 € restant dû (45 jours de retard)\n\nConformément à l\'article L. 441-10 du code de commerce, ce retard rend exigibles des pénalités de retard (56,44 € à ce jour, au taux annuel de 12,15 %) ainsi que l\'indemnité forfaitaire pour frais de recouvrement de 80,00 €, soit 3 386,94 € au total.\n\nNous vous demandons de régler la somme de 3 386,94 € au plus tard le 9 décembre 2026, par :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nÀ défaut, l\'étape suivante sera une lettre recommandée avec accusé de réception, à partir du 14 décembre 2026.\n\nCordialement,\n\nRecouvra SAS\nPour le compte de notre client : Atelier Durand & Fils SARL\nTél. : 04 72 00 00 00\nRéf. : REL-2026-0042\n--\nRecouvra SAS, 8 place Bellecour, 69002 Lyon. Notre société exerce une activité de recouvrement amiable de créances pour le compte de tiers.\n\nCréancier : Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon.\n\nFondement et montant de la créance :\n- facture n° F-2026-101 du 1er septembre 2026, échue le 1er octobre 2026 : 3 000,00 €\n- facture n° F-2026-117 du 15 septembre 2026, échue le 15 octobre 2026 : 250,50 €\nPrincipal : 3 250,50 €\nIntérêts et pénalités de retard : 56,44 €\nIndemnité forfaitaire pour frais de recouvrement (article D. 441-5 du code de commerce) : 80,00 €\nTotal dû : 3 386,94 €\nAucun frais de recouvrement amiable n\'est mis à votre charge.\n\nNous vous demandons de régler la somme de 3 386,94 € au plus tard le 9 décembre 2026, par l\'un des moyens suivants :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nArticle L. 111-8 du code des procédures civiles d\'exécution, alinéas 2 et 3 :\n\nLes frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s\'ils concernent un acte dont l\'accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire.\n\nCependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l\'exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi.\n\nRéférence et date de ce courrier, à rappeler dans toute correspondance : REL-2026-0042 du 29 novembre 2026."
  html: nil
=== reminder.firm email firm
email RenderedEmail
  subject: "Dernière relance avant mise en demeure : factures F-2026-101 et F-2026-117 – 3 386,94 €"
  text: "Bonjour Paul Martin,\n\nNos relances sont restées sans effet : les factures suivantes sont toujours impayées :\n\n- Facture n° F-2026-101 du 1er septembre 2026, échéance le 1er octobre 2026 : 3 000,00 € restant dû (59 jours de retard)\n- Facture n° F-2026-117 du 15 septembre 2026, échéance le 15 octobre 2026 : 250,50 € restant dû (45 jours de retard)\n\nConformément à l\'article L. 441-10 du code de commerce, ce retard rend exigibles des pénalités de retard (56,44 € à ce jour, au taux annuel de 12,15 %) ainsi que l\'indemnité forfaitaire pour frais de recouvrement de 80,00 €, soit 3 386,94 € au total.\n\nNous exigeons le règlement de la somme de 3 386,94 € au plus tard le 9 décembre 2026, par :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nSans règlement à cette date, nous vous adresserons une mise en demeure à partir du 14 décembre 2026, préalable à une action en justice.\n\nRecouvra SAS\nPour le compte de notre client : Atelier Durand & Fils SARL\nTél. : 04 72 00 00 00\nRéf. : REL-2026-0042\n--\nRecouvra SAS, 8 place Bellecour, 69002 Lyon. Notre société exerce une activité de recouvrement amiable de créances pour le compte de tiers.\n\nCréancier : Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon.\n\nFondement et montant de la créance :\n- facture n° F-2026-101 du 1er septembre 2026, échue le 1er octobre 2026 : 3 000,00 €\n- facture n° F-2026-117 du 15 septembre 2026, échue le 15 octobre 2026 : 250,50 €\nPrincipal : 3 250,50 €\nIntérêts et pénalités de retard : 56,44 €\nIndemnité forfaitaire pour frais de recouvrement (article D. 441-5 du code de commerce) : 80,00 €\nTotal dû : 3 386,94 €\nAucun frais de recouvrement amiable n\'est mis à votre charge.\n\nNous vous demandons de régler la somme de 3 386,94 € au plus tard le 9 décembre 2026, par l\'un des moyens suivants :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nArticle L. 111-8 du code des procédures civiles d\'exécution, alinéas 2 et 3 :\n\nLes frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s\'ils concernent un acte dont l\'accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire.\n\nCependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l\'exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi.\n\nRéférence et date de ce courrier, à rappeler dans toute correspondance : REL-2026-0042 du 29 novembre 2026."
  html: nil
=== call.first call courteous
error missing_mandatory_mentions: fr/call.first/default.mustache: the agency's call lacks mandatory mentions: an agency may call only after its first letter: set agency.firstLetter so the call repeats its reference and date
=== letter.recap letter courteous
letter RenderedLetter
  title: "Relance – rappel des démarches effectuées"
  sender: [4]
    - "Recouvra SAS"
    - "8 place Bellecour"
    - "69002 Lyon"
    - "Pour le compte de notre client : Atelier Durand & Fils SARL"
  recipient: [4]
    - "Boulangerie Martin"
    - "À l\'attention de Paul Martin"
    - "3 avenue Jean Jaurès"
    - "75019 Paris"
  mailing: nil
  date: "Le 29 novembre 2026"
  reference: [1]
    - "Réf. : REL-2026-0042"
  subject: "Objet : factures impayées n° F-2026-101 et F-2026-117 – 3 386,94 €"
  salutation: "Madame, Monsieur,"
  body: [6]
    - "Sauf erreur de notre part, les factures détaillées ci-dessous restent impayées à ce jour, pour un montant restant dû de 3 250,50 €."
    - "Nous vous avons déjà contacté à ce sujet :\n- le 2 octobre 2026, par courriel : Rappel amical\n- le 20 octobre 2026, par appel téléphonique : Appel sans réponse"
    - "Conformément à l\'article L. 441-10 du code de commerce, ce retard rend exigibles des pénalités de retard (56,44 € à ce jour, au taux annuel de 12,15 %) ainsi que l\'indemnité forfaitaire pour frais de recouvrement de 80,00 €, soit 3 386,94 € au total."
    - "Nous vous demandons de régler la somme de 3 386,94 € au plus tard le 9 décembre 2026, par l\'un des moyens suivants :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils"
    - "Sans règlement de votre part à cette date, l\'étape suivante sera une lettre recommandée avec accusé de réception, à partir du 14 décembre 2026."
    - "Si ce règlement a été effectué entre-temps, nous vous remercions de ne pas tenir compte de ce courrier. Si vous contestez tout ou partie de cette somme, ou si vous rencontrez une difficulté, merci de nous le faire savoir rapidement."
  table: RenderedTable
    header: [6]
      - "Facture"
      - "Date"
      - "Échéance"
      - "Montant"
      - "Reste dû"
      - "Retard"
    rows: [2]
      - [6]
        - "F-2026-101"
        - "1er septembre 2026"
        - "1er octobre 2026"
        - "3 000,00 €"
        - "3 000,00 €"
        - "59 jours"
      - [6]
        - "F-2026-117"
        - "15 septembre 2026"
        - "15 octobre 2026"
        - "1 250,50 €"
        - "250,50 €"
        - "45 jours"
  totals: RenderedTable
    header: [2]
      - "Récapitulatif"
      - "Montant"
    rows: [4]
      - [2]
        - "Principal restant dû"
        - "3 250,50 €"
      - [2]
        - "Pénalités de retard"
        - "56,44 €"
      - [2]
        - "Indemnité forfaitaire pour frais de recouvrement"
        - "80,00 €"
      - [2]
        - "Total dû"
        - "3 386,94 €"
  closing: [1]
    - "Nous vous prions d\'agréer, Madame, Monsieur, l\'expression de nos salutations distinguées."
  signature: [2]
    - "Recouvra SAS"
    - "Tél. : 04 72 00 00 00"
  mentions: [8]
    - "Recouvra SAS, 8 place Bellecour, 69002 Lyon. Notre société exerce une activité de recouvrement amiable de créances pour le compte de tiers."
    - "Créancier : Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon."
    - "Fondement et montant de la créance :\n- facture n° F-2026-101 du 1er septembre 2026, échue le 1er octobre 2026 : 3 000,00 €\n- facture n° F-2026-117 du 15 septembre 2026, échue le 15 octobre 2026 : 250,50 €\nPrincipal : 3 250,50 €\nIntérêts et pénalités de retard : 56,44 €\nIndemnité forfaitaire pour frais de recouvrement (article D. 441-5 du code de commerce) : 80,00 €\nTotal dû : 3 386,94 €\nAucun frais de recouvrement amiable n\'est mis à votre charge."
    - "Nous vous demandons de régler la somme de 3 386,94 € au plus tard le 9 décembre 2026, par l\'un des moyens suivants :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils"
    - "Article L. 111-8 du code des procédures civiles d\'exécution, alinéas 2 et 3 :"
    - "Les frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s\'ils concernent un acte dont l\'accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire."
    - "Cependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l\'exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi."
    - "Référence et date de ce courrier, à rappeler dans toute correspondance : REL-2026-0042 du 29 novembre 2026."
=== notice.formal registered_letter courteous
letter RenderedLetter
  title: "MISE EN DEMEURE"
  sender: [4]
    - "Recouvra SAS"
    - "8 place Bellecour"
    - "69002 Lyon"
    - "Pour le compte de notre client : Atelier Durand & Fils SARL"
  recipient: [4]
    - "Boulangerie Martin"
    - "À l\'attention de Paul Martin"
    - "3 avenue Jean Jaurès"
    - "75019 Paris"
  mailing: "Lettre recommandée avec demande d\'avis de réception"
  date: "Le 29 novembre 2026"
  reference: [1]
    - "Réf. : REL-2026-0042"
  subject: "Objet : mise en demeure de payer – factures n° F-2026-101 et F-2026-117"
  salutation: "Madame, Monsieur,"
  body: [7]
    - "Malgré nos précédentes relances, les factures détaillées ci-dessous demeurent impayées envers Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon."
    - "Rappel des démarches effectuées :\n- le 2 octobre 2026, par courriel : Rappel amical\n- le 20 octobre 2026, par appel téléphonique : Appel sans réponse"
    - "Par la présente, nous vous mettons en demeure de régler la somme de 3 386,94 €, qui se décompose ainsi : principal 3 250,50 € ; pénalités de retard 56,44 €, au taux annuel de 12,15 % (taux BCE majoré de 10 points) ; indemnité forfaitaire pour frais de recouvrement 80,00 € (articles L. 441-10 et D. 441-5 du code de commerce)."
    - "Ce règlement doit nous parvenir dans un délai de huit jours à compter de la réception de la présente, soit au plus tard le 9 décembre 2026, par l\'un des moyens suivants :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils"
    - "Les pénalités de retard continuent de courir jusqu\'au complet paiement (article L. 441-10 du code de commerce)."
    - "À défaut de règlement dans ce délai, Atelier Durand & Fils SARL pourra engager sans autre avis une procédure judiciaire de recouvrement, notamment une requête en injonction de payer à partir du 14 décembre 2026."
    - "La présente lettre vaut mise en demeure au sens de l\'article 1344 du code civil."
  table: RenderedTable
    header: [6]
      - "Facture"
      - "Date"
      - "Échéance"
      - "Montant"
      - "Reste dû"
      - "Retard"
    rows: [2]
      - [6]
        - "F-2026-101"
        - "1er septembre 2026"
        - "1er octobre 2026"
        - "3 000,00 €"
        - "3 000,00 €"
        - "59 jours"
      - [6]
        - "F-2026-117"
        - "15 septembre 2026"
        - "15 octobre 2026"
        - "1 250,50 €"
        - "250,50 €"
        - "45 jours"
  totals: RenderedTable
    header: [2]
      - "Décompte"
      - "Montant"
    rows: [4]
      - [2]
        - "Principal restant dû"
        - "3 250,50 €"
      - [2]
        - "Pénalités de retard"
        - "56,44 €"
      - [2]
        - "Indemnité forfaitaire pour frais de recouvrement"
        - "80,00 €"
      - [2]
        - "Total dû"
        - "3 386,94 €"
  closing: [1]
    - "Nous vous prions d\'agréer, Madame, Monsieur, l\'expression de nos salutations distinguées."
  signature: [1]
    - "Recouvra SAS"
  mentions: [8]
    - "Recouvra SAS, 8 place Bellecour, 69002 Lyon. Notre société exerce une activité de recouvrement amiable de créances pour le compte de tiers."
    - "Créancier : Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon."
    - "Fondement et montant de la créance :\n- facture n° F-2026-101 du 1er septembre 2026, échue le 1er octobre 2026 : 3 000,00 €\n- facture n° F-2026-117 du 15 septembre 2026, échue le 15 octobre 2026 : 250,50 €\nPrincipal : 3 250,50 €\nIntérêts et pénalités de retard : 56,44 €\nIndemnité forfaitaire pour frais de recouvrement (article D. 441-5 du code de commerce) : 80,00 €\nTotal dû : 3 386,94 €\nAucun frais de recouvrement amiable n\'est mis à votre charge."
    - "Nous vous demandons de régler la somme de 3 386,94 € au plus tard le 9 décembre 2026, par l\'un des moyens suivants :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils"
    - "Article L. 111-8 du code des procédures civiles d\'exécution, alinéas 2 et 3 :"
    - "Les frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s\'ils concernent un acte dont l\'accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire."
    - "Cependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l\'exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi."
    - "Référence et date de ce courrier, à rappeler dans toute correspondance : REL-2026-0042 du 29 novembre 2026."
=== legal.payment_order legal courteous
legal RenderedDossierCover
  title: "Requête en injonction de payer – dossier REL-2026-0042 – Boulangerie Martin"
  summary: [4]
    - "Créance de 3 386,94 € due par Boulangerie Martin à Atelier Durand & Fils SARL, au titre des factures impayées n° F-2026-101 et F-2026-117."
    - "Fondement : créance contractuelle d\'un montant déterminé (article 1405 du code de procédure civile), résultant des factures énumérées ci-dessous ; pénalités de retard et indemnité forfaitaire de l\'article L. 441-10 du code de commerce."
    - "Juridiction à saisir : président du tribunal de commerce (ou tribunal des activités économiques) du siège du débiteur (article 1406 du code de procédure civile)."
    - "Mise en demeure restée sans effet ; le délai de paiement accordé expirait le 9 décembre 2026."
  parties: RenderedTable
    header: [3]
      - "Qualité"
      - "Nom"
      - "Adresse"
    rows: [3]
      - [3]
        - "Créancier"
        - "Atelier Durand & Fils SARL"
        - "12 rue des Lilas, 69003 Lyon"
      - [3]
        - "Débiteur"
        - "Boulangerie Martin"
        - "3 avenue Jean Jaurès, 75019 Paris"
      - [3]
        - "Mandataire (recouvrement amiable)"
        - "Recouvra SAS"
        - "8 place Bellecour, 69002 Lyon"
  table: RenderedTable
    header: [6]
      - "Facture"
      - "Date"
      - "Échéance"
      - "Montant"
      - "Reste dû"
      - "Retard"
    rows: [2]
      - [6]
        - "F-2026-101"
        - "1er septembre 2026"
        - "1er octobre 2026"
        - "3 000,00 €"
        - "3 000,00 €"
        - "59 jours"
      - [6]
        - "F-2026-117"
        - "15 septembre 2026"
        - "15 octobre 2026"
        - "1 250,50 €"
        - "250,50 €"
        - "45 jours"
  totals: RenderedTable
    header: [2]
      - "Décompte"
      - "Montant"
    rows: [4]
      - [2]
        - "Principal"
        - "3 250,50 €"
      - [2]
        - "Pénalités de retard (taux annuel 12,15 %)"
        - "56,44 €"
      - [2]
        - "Indemnité forfaitaire pour frais de recouvrement"
        - "80,00 €"
      - [2]
        - "Total réclamé"
        - "3 386,94 €"
  history: RenderedTable
    header: [3]
      - "Date"
      - "Moyen"
      - "Démarche"
    rows: [2]
      - [3]
        - "2 octobre 2026"
        - "courriel"
        - "Rappel amical"
      - [3]
        - "20 octobre 2026"
        - "appel téléphonique"
        - "Appel sans réponse"
  documents: [6]
    - "Bordereau des pièces :"
    - "1. Factures n° F-2026-101 et F-2026-117"
    - "2. Conditions générales de vente ou contrat"
    - "3. Bon de commande ou devis signé, preuve de livraison ou d\'exécution"
    - "4. Mise en demeure et avis de réception"
    - "5. Relevé de compte du débiteur"
"""#,
"fr agency later": #"""
=== reminder.courteous email courteous
email RenderedEmail
  subject: "Petit rappel : vos factures F-2026-101 et F-2026-117 – 3 250,50 €"
  text: "Bonjour Paul Martin,\n\nSauf erreur de notre part, nous n\'avons pas encore reçu le règlement des factures suivantes. Il s\'agit sans doute d\'un simple oubli :\n\n- Facture n° F-2026-101 du 1er septembre 2026, échéance le 1er octobre 2026 : 3 000,00 € restant dû (59 jours de retard)\n- Facture n° F-2026-117 du 15 septembre 2026, échéance le 15 octobre 2026 : 250,50 € restant dû (45 jours de retard)\n\nMontant total : 3 250,50 €, à régler au plus tard le 9 décembre 2026.\n\nVous pouvez régler par :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nSi votre paiement est déjà en route, merci de ne pas tenir compte de ce message. Pour toute question, nous restons bien sûr à votre disposition.\n\nBien cordialement,\n\nRecouvra SAS\nPour le compte de notre client : Atelier Durand & Fils SARL\nTél. : 04 72 00 00 00\nRéf. : REL-2026-0042\nDossier suivi par Recouvra SAS pour le compte de notre client, Atelier Durand & Fils SARL – rappel de notre premier courrier réf. RCV-7781 du 2 novembre 2026."
  html: "<p>Bonjour Paul Martin,</p>\n<p>Sauf erreur de notre part, nous n\'avons pas encore reçu le règlement des factures suivantes. Il s\'agit sans doute d\'un simple oubli :</p>\n<table>\n<tr><th>Facture</th><th>Date</th><th>Échéance</th><th>Reste dû</th></tr>\n<tr><td>F-2026-101</td><td>1er septembre 2026</td><td>1er octobre 2026</td><td>3 000,00 €</td></tr>\n<tr><td>F-2026-117</td><td>15 septembre 2026</td><td>15 octobre 2026</td><td>250,50 €</td></tr>\n</table>\n<p>Montant total : <strong>3 250,50 €</strong>, à régler au plus tard le 9 décembre 2026.</p>\n<ul>\n<li>Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP</li>\n<li>Chèque : à l&#39;ordre d&#39;Atelier Durand &amp; Fils</li>\n</ul>\n<p>Si votre paiement est déjà en route, merci de ne pas tenir compte de ce message.</p>\n<p>Bien cordialement,<br>Recouvra SAS</p>"
=== reminder.courteous email neutral
email RenderedEmail
  subject: "Rappel d\'échéance : factures F-2026-101 et F-2026-117 – 3 250,50 €"
  text: "Bonjour Paul Martin,\n\nNous vous rappelons que les factures suivantes sont échues :\n\n- Facture n° F-2026-101 du 1er septembre 2026, échéance le 1er octobre 2026 : 3 000,00 € restant dû (59 jours de retard)\n- Facture n° F-2026-117 du 15 septembre 2026, échéance le 15 octobre 2026 : 250,50 € restant dû (45 jours de retard)\n\nMontant total : 3 250,50 €, à régler au plus tard le 9 décembre 2026, par :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nSi vous avez déjà effectué ce règlement, merci de ne pas tenir compte de ce message.\n\nCordialement,\n\nRecouvra SAS\nPour le compte de notre client : Atelier Durand & Fils SARL\nTél. : 04 72 00 00 00\nRéf. : REL-2026-0042\nDossier suivi par Recouvra SAS pour le compte de notre client, Atelier Durand & Fils SARL – rappel de notre premier courrier réf. RCV-7781 du 2 novembre 2026."
  html: nil
=== reminder.courteous email firm
email RenderedEmail
  subject: "Échéance de paiement : factures F-2026-101 et F-2026-117 – 3 250,50 €"
  text: "Bonjour Paul Martin,\n\nLes factures suivantes sont échues et restent impayées :\n\n- Facture n° F-2026-101 du 1er septembre 2026, échéance le 1er octobre 2026 : 3 000,00 € restant dû (59 jours de retard)\n- Facture n° F-2026-117 du 15 septembre 2026, échéance le 15 octobre 2026 : 250,50 € restant dû (45 jours de retard)\n\nLe montant de 3 250,50 € doit être réglé au plus tard le 9 décembre 2026, par :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nCordialement,\n\nRecouvra SAS\nPour le compte de notre client : Atelier Durand & Fils SARL\nTél. : 04 72 00 00 00\nRéf. : REL-2026-0042\nDossier suivi par Recouvra SAS pour le compte de notre client, Atelier Durand & Fils SARL – rappel de notre premier courrier réf. RCV-7781 du 2 novembre 2026."
  html: nil
=== reminder.neutral email courteous
email RenderedEmail
  subject: "Factures F-2026-101 et F-2026-117 en attente de règlement – 3 250,50 €"
  text: "Bonjour Paul Martin,\n\nSauf erreur de notre part, nous n\'avons pas encore reçu le règlement des factures suivantes. Un oubli peut arriver à tout le monde :\n\n- Facture n° F-2026-101 du 1er septembre 2026, échéance le 1er octobre 2026 : 3 000,00 € restant dû (59 jours de retard)\n- Facture n° F-2026-117 du 15 septembre 2026, échéance le 15 octobre 2026 : 250,50 € restant dû (45 jours de retard)\n\nPourriez-vous procéder au règlement de 3 250,50 € d\'ici le 9 décembre 2026 ? Vous pouvez régler par :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nSi une difficulté vous empêche de régler, ou si vous constatez une erreur sur ces factures, répondez simplement à ce message : nous trouverons une solution ensemble.\n\nBien cordialement,\n\nRecouvra SAS\nPour le compte de notre client : Atelier Durand & Fils SARL\nTél. : 04 72 00 00 00\nRéf. : REL-2026-0042\nDossier suivi par Recouvra SAS pour le compte de notre client, Atelier Durand & Fils SARL – rappel de notre premier courrier réf. RCV-7781 du 2 novembre 2026."
  html: nil
=== reminder.neutral email neutral
email RenderedEmail
  subject: "Relance : factures F-2026-101 et F-2026-117 impayées – 3 250,50 €"
  text: "Bonjour Paul Martin,\n\nSauf erreur de notre part, les factures suivantes restent impayées à ce jour :\n\n- Facture n° F-2026-101 du 1er septembre 2026, échéance le 1er octobre 2026 : 3 000,00 € restant dû (59 jours de retard)\n- Facture n° F-2026-117 du 15 septembre 2026, échéance le 15 octobre 2026 : 250,50 € restant dû (45 jours de retard)\n\nNous vous remercions de régler la somme de 3 250,50 € au plus tard le 9 décembre 2026, par :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nDes intérêts de retard de 12,30 € s\'ajoutent à cette somme, soit 3 262,80 € au total.\n\nSi vous avez déjà effectué ce règlement, merci de nous en communiquer la date.\n\nCordialement,\n\nRecouvra SAS\nPour le compte de notre client : Atelier Durand & Fils SARL\nTél. : 04 72 00 00 00\nRéf. : REL-2026-0042\nDossier suivi par Recouvra SAS pour le compte de notre client, Atelier Durand & Fils SARL – rappel de notre premier courrier réf. RCV-7781 du 2 novembre 2026."
  html: nil
=== reminder.neutral email firm
email RenderedEmail
  subject: "Impayé : factures F-2026-101 et F-2026-117 – règlement attendu avant le 9 décembre 2026"
  text: "Bonjour Paul Martin,\n\nMalgré leur échéance, les factures suivantes restent impayées :\n\n- Facture n° F-2026-101 du 1er septembre 2026, échéance le 1er octobre 2026 : 3 000,00 € restant dû (59 jours de retard)\n- Facture n° F-2026-117 du 15 septembre 2026, échéance le 15 octobre 2026 : 250,50 € restant dû (45 jours de retard)\n\nNous vous demandons de régler la somme de 3 250,50 € au plus tard le 9 décembre 2026, par :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nDes intérêts de retard de 12,30 € s\'ajoutent à cette somme, soit 3 262,80 € au total.\n\nSans règlement à cette date, l\'étape suivante sera une lettre recommandée avec accusé de réception, à partir du 14 décembre 2026.\n\nCordialement,\n\nRecouvra SAS\nPour le compte de notre client : Atelier Durand & Fils SARL\nTél. : 04 72 00 00 00\nRéf. : REL-2026-0042\nDossier suivi par Recouvra SAS pour le compte de notre client, Atelier Durand & Fils SARL – rappel de notre premier courrier réf. RCV-7781 du 2 novembre 2026."
  html: nil
=== reminder.firm email courteous
email RenderedEmail
  subject: "Nouveau rappel : factures F-2026-101 et F-2026-117 – 3 262,80 €"
  text: "Bonjour Paul Martin,\n\nNous revenons vers vous car, malgré notre précédent rappel, les factures suivantes restent impayées :\n\n- Facture n° F-2026-101 du 1er septembre 2026, échéance le 1er octobre 2026 : 3 000,00 € restant dû (59 jours de retard)\n- Facture n° F-2026-117 du 15 septembre 2026, échéance le 15 octobre 2026 : 250,50 € restant dû (45 jours de retard)\n\nDes intérêts de retard de 12,30 € s\'ajoutent à cette somme, soit 3 262,80 € au total.\n\nNous vous remercions de bien vouloir régler la somme de 3 262,80 € au plus tard le 9 décembre 2026, par :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nSi vous rencontrez une difficulté passagère, contactez-nous avant cette date : un échéancier peut être envisagé.\n\nBien cordialement,\n\nRecouvra SAS\nPour le compte de notre client : Atelier Durand & Fils SARL\nTél. : 04 72 00 00 00\nRéf. : REL-2026-0042\nDossier suivi par Recouvra SAS pour le compte de notre client, Atelier Durand & Fils SARL – rappel de notre premier courrier réf. RCV-7781 du 2 novembre 2026."
  html: nil
=== reminder.firm email neutral
email RenderedEmail
  subject: "Deuxième relance : factures F-2026-101 et F-2026-117 – 3 262,80 €"
  text: "Bonjour Paul Martin,\n\nMalgré nos précédentes relances, les factures suivantes restent impayées :\n\n- Facture n° F-2026-101 du 1er septembre 2026, échéance le 1er octobre 2026 : 3 000,00 € restant dû (59 jours de retard)\n- Facture n° F-2026-117 du 15 septembre 2026, échéance le 15 octobre 2026 : 250,50 € restant dû (45 jours de retard)\n\nDes intérêts de retard de 12,30 € s\'ajoutent à cette somme, soit 3 262,80 € au total.\n\nNous vous demandons de régler la somme de 3 262,80 € au plus tard le 9 décembre 2026, par :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nÀ défaut, l\'étape suivante sera une lettre recommandée avec accusé de réception, à partir du 14 décembre 2026.\n\nCordialement,\n\nRecouvra SAS\nPour le compte de notre client : Atelier Durand & Fils SARL\nTél. : 04 72 00 00 00\nRéf. : REL-2026-0042\nDossier suivi par Recouvra SAS pour le compte de notre client, Atelier Durand & Fils SARL – rappel de notre premier courrier réf. RCV-7781 du 2 novembre 2026."
  html: nil
=== reminder.firm email firm
email RenderedEmail
  subject: "Dernière relance avant mise en demeure : factures F-2026-101 et F-2026-117 – 3 262,80 €"
  text: "Bonjour Paul Martin,\n\nNos relances sont restées sans effet : les factures suivantes sont toujours impayées :\n\n- Facture n° F-2026-101 du 1er septembre 2026, échéance le 1er octobre 2026 : 3 000,00 € restant dû (59 jours de retard)\n- Facture n° F-2026-117 du 15 septembre 2026, échéance le 15 octobre 2026 : 250,50 € restant dû (45 jours de retard)\n\nDes intérêts de retard de 12,30 € s\'ajoutent à cette somme, soit 3 262,80 € au total.\n\nNous exigeons le règlement de la somme de 3 262,80 € au plus tard le 9 décembre 2026, par :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils\n\nSans règlement à cette date, nous vous adresserons une mise en demeure à partir du 14 décembre 2026, préalable à une action en justice.\n\nRecouvra SAS\nPour le compte de notre client : Atelier Durand & Fils SARL\nTél. : 04 72 00 00 00\nRéf. : REL-2026-0042\nDossier suivi par Recouvra SAS pour le compte de notre client, Atelier Durand & Fils SARL – rappel de notre premier courrier réf. RCV-7781 du 2 novembre 2026."
  html: nil
=== call.first call courteous
call RenderedCallBriefing
  title: "Appel de relance – Boulangerie Martin – 3 262,80 €"
  summary: [11]
    - "Débiteur : Boulangerie Martin (particulier)"
    - "Interlocuteur : Paul Martin"
    - "Téléphone : 01 40 00 00 00"
    - "Créancier : Atelier Durand & Fils SARL"
    - "Factures concernées : 2 (F-2026-101 et F-2026-117)"
    - "Principal restant dû : 3 250,50 €"
    - "Pénalités et indemnités : 12,30 €"
    - "Total dû : 3 262,80 €"
    - "Date de règlement à obtenir : au plus tard le 9 décembre 2026"
    - "Référence à rappeler au débiteur : premier courrier réf. RCV-7781 du 2 novembre 2026"
    - "Référence du dossier : REL-2026-0042"
  script: [6]
    - "Bonjour, Recouvra SAS à l\'appareil, pour le compte de notre client, Atelier Durand & Fils SARL. Pourrais-je parler à Paul Martin ?"
    - "Je vous appelle au sujet des factures F-2026-101 et F-2026-117, objet de notre courrier réf. RCV-7781 du 2 novembre 2026, pour un montant restant dû de 3 250,50 €. Sauf erreur de notre part, nous n\'en avons pas reçu le règlement. Avez-vous bien reçu ces factures ?"
    - "Écouter avant de proposer : y a-t-il un problème sur la prestation, une contestation, ou une difficulté de trésorerie ? Un client habituellement ponctuel mérite une écoute attentive."
    - "Obtenir une date de paiement précise, au plus tard le 9 décembre 2026, et le moyen de paiement :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils"
    - "En cas de difficulté réelle, proposer un échéancier et le consigner ; en cas de contestation, noter le motif exact et suspendre la relance."
    - "Conclure en récapitulant l\'engagement pris (montant, date, moyen) et remercier l\'interlocuteur."
  table: RenderedTable
    header: [6]
      - "Facture"
      - "Date"
      - "Échéance"
      - "Montant"
      - "Reste dû"
      - "Retard"
    rows: [2]
      - [6]
        - "F-2026-101"
        - "1er septembre 2026"
        - "1er octobre 2026"
        - "3 000,00 €"
        - "3 000,00 €"
        - "59 jours"
      - [6]
        - "F-2026-117"
        - "15 septembre 2026"
        - "15 octobre 2026"
        - "1 250,50 €"
        - "250,50 €"
        - "45 jours"
  history: RenderedTable
    header: [3]
      - "Date"
      - "Moyen"
      - "Démarche"
    rows: [2]
      - [3]
        - "2 octobre 2026"
        - "courriel"
        - "Rappel amical"
      - [3]
        - "20 octobre 2026"
        - "appel téléphonique"
        - "Appel sans réponse"
  outcomes: [6]
    - "Résultat à consigner après l\'appel :"
    - "- promesse de paiement : montant, date, moyen"
    - "- échéancier proposé : montants et dates"
    - "- contestation : motif précis (suspend la relance)"
    - "- paiement déclaré effectué : date et moyen, à vérifier"
    - "- injoignable ou mauvais numéro"
=== letter.recap letter courteous
letter RenderedLetter
  title: "Relance – rappel des démarches effectuées"
  sender: [4]
    - "Recouvra SAS"
    - "8 place Bellecour"
    - "69002 Lyon"
    - "Pour le compte de notre client : Atelier Durand & Fils SARL"
  recipient: [4]
    - "Boulangerie Martin"
    - "À l\'attention de Paul Martin"
    - "3 avenue Jean Jaurès"
    - "75019 Paris"
  mailing: nil
  date: "Le 29 novembre 2026"
  reference: [2]
    - "Réf. : REL-2026-0042"
    - "Rappel de notre premier courrier : réf. RCV-7781 du 2 novembre 2026"
  subject: "Objet : factures impayées n° F-2026-101 et F-2026-117 – 3 262,80 €"
  salutation: "Madame, Monsieur,"
  body: [6]
    - "Sauf erreur de notre part, les factures détaillées ci-dessous restent impayées à ce jour, pour un montant restant dû de 3 250,50 €."
    - "Nous vous avons déjà contacté à ce sujet :\n- le 2 octobre 2026, par courriel : Rappel amical\n- le 20 octobre 2026, par appel téléphonique : Appel sans réponse"
    - "Des intérêts de retard de 12,30 € s\'ajoutent à cette somme, soit 3 262,80 € au total."
    - "Nous vous demandons de régler la somme de 3 262,80 € au plus tard le 9 décembre 2026, par l\'un des moyens suivants :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils"
    - "Sans règlement de votre part à cette date, l\'étape suivante sera une lettre recommandée avec accusé de réception, à partir du 14 décembre 2026."
    - "Si ce règlement a été effectué entre-temps, nous vous remercions de ne pas tenir compte de ce courrier. Si vous contestez tout ou partie de cette somme, ou si vous rencontrez une difficulté, merci de nous le faire savoir rapidement."
  table: RenderedTable
    header: [6]
      - "Facture"
      - "Date"
      - "Échéance"
      - "Montant"
      - "Reste dû"
      - "Retard"
    rows: [2]
      - [6]
        - "F-2026-101"
        - "1er septembre 2026"
        - "1er octobre 2026"
        - "3 000,00 €"
        - "3 000,00 €"
        - "59 jours"
      - [6]
        - "F-2026-117"
        - "15 septembre 2026"
        - "15 octobre 2026"
        - "1 250,50 €"
        - "250,50 €"
        - "45 jours"
  totals: RenderedTable
    header: [2]
      - "Récapitulatif"
      - "Montant"
    rows: [3]
      - [2]
        - "Principal restant dû"
        - "3 250,50 €"
      - [2]
        - "Pénalités de retard"
        - "12,30 €"
      - [2]
        - "Total dû"
        - "3 262,80 €"
  closing: [1]
    - "Nous vous prions d\'agréer, Madame, Monsieur, l\'expression de nos salutations distinguées."
  signature: [2]
    - "Recouvra SAS"
    - "Tél. : 04 72 00 00 00"
  mentions: [8]
    - "Recouvra SAS, 8 place Bellecour, 69002 Lyon. Notre société exerce une activité de recouvrement amiable de créances pour le compte de tiers."
    - "Créancier : Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon."
    - "Fondement et montant de la créance :\n- facture n° F-2026-101 du 1er septembre 2026, échue le 1er octobre 2026 : 3 000,00 €\n- facture n° F-2026-117 du 15 septembre 2026, échue le 15 octobre 2026 : 250,50 €\nPrincipal : 3 250,50 €\nIntérêts et pénalités de retard : 12,30 €\nTotal dû : 3 262,80 €\nAucun frais de recouvrement amiable n\'est mis à votre charge."
    - "Nous vous demandons de régler la somme de 3 262,80 € au plus tard le 9 décembre 2026, par l\'un des moyens suivants :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils"
    - "Article L. 111-8 du code des procédures civiles d\'exécution, alinéas 2 et 3 :"
    - "Les frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s\'ils concernent un acte dont l\'accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire."
    - "Cependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l\'exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi."
    - "Référence et date de ce courrier, à rappeler dans toute correspondance : REL-2026-0042 du 29 novembre 2026."
=== notice.formal registered_letter courteous
letter RenderedLetter
  title: "MISE EN DEMEURE"
  sender: [4]
    - "Recouvra SAS"
    - "8 place Bellecour"
    - "69002 Lyon"
    - "Pour le compte de notre client : Atelier Durand & Fils SARL"
  recipient: [4]
    - "Boulangerie Martin"
    - "À l\'attention de Paul Martin"
    - "3 avenue Jean Jaurès"
    - "75019 Paris"
  mailing: "Lettre recommandée avec demande d\'avis de réception"
  date: "Le 29 novembre 2026"
  reference: [2]
    - "Réf. : REL-2026-0042"
    - "Rappel de notre premier courrier : réf. RCV-7781 du 2 novembre 2026"
  subject: "Objet : mise en demeure de payer – factures n° F-2026-101 et F-2026-117"
  salutation: "Madame, Monsieur,"
  body: [7]
    - "Malgré nos précédentes relances, les factures détaillées ci-dessous demeurent impayées envers Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon."
    - "Rappel des démarches effectuées :\n- le 2 octobre 2026, par courriel : Rappel amical\n- le 20 octobre 2026, par appel téléphonique : Appel sans réponse"
    - "Par la présente, nous vous mettons en demeure de régler la somme de 3 262,80 €, qui se décompose ainsi : principal 3 250,50 € ; intérêts de retard 12,30 €, au taux annuel de 6,62 %."
    - "Ce règlement doit nous parvenir dans un délai de huit jours à compter de la réception de la présente, soit au plus tard le 9 décembre 2026, par l\'un des moyens suivants :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils"
    - "La présente mise en demeure fait courir les intérêts au taux légal sur les sommes dues (articles 1231-6 et 1344-1 du code civil)."
    - "À défaut de règlement dans ce délai, Atelier Durand & Fils SARL pourra engager sans autre avis une procédure judiciaire de recouvrement, notamment une requête en injonction de payer à partir du 14 décembre 2026."
    - "La présente lettre vaut mise en demeure au sens de l\'article 1344 du code civil."
  table: RenderedTable
    header: [6]
      - "Facture"
      - "Date"
      - "Échéance"
      - "Montant"
      - "Reste dû"
      - "Retard"
    rows: [2]
      - [6]
        - "F-2026-101"
        - "1er septembre 2026"
        - "1er octobre 2026"
        - "3 000,00 €"
        - "3 000,00 €"
        - "59 jours"
      - [6]
        - "F-2026-117"
        - "15 septembre 2026"
        - "15 octobre 2026"
        - "1 250,50 €"
        - "250,50 €"
        - "45 jours"
  totals: RenderedTable
    header: [2]
      - "Décompte"
      - "Montant"
    rows: [3]
      - [2]
        - "Principal restant dû"
        - "3 250,50 €"
      - [2]
        - "Intérêts de retard"
        - "12,30 €"
      - [2]
        - "Total dû"
        - "3 262,80 €"
  closing: [1]
    - "Nous vous prions d\'agréer, Madame, Monsieur, l\'expression de nos salutations distinguées."
  signature: [1]
    - "Recouvra SAS"
  mentions: [8]
    - "Recouvra SAS, 8 place Bellecour, 69002 Lyon. Notre société exerce une activité de recouvrement amiable de créances pour le compte de tiers."
    - "Créancier : Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon."
    - "Fondement et montant de la créance :\n- facture n° F-2026-101 du 1er septembre 2026, échue le 1er octobre 2026 : 3 000,00 €\n- facture n° F-2026-117 du 15 septembre 2026, échue le 15 octobre 2026 : 250,50 €\nPrincipal : 3 250,50 €\nIntérêts et pénalités de retard : 12,30 €\nTotal dû : 3 262,80 €\nAucun frais de recouvrement amiable n\'est mis à votre charge."
    - "Nous vous demandons de régler la somme de 3 262,80 € au plus tard le 9 décembre 2026, par l\'un des moyens suivants :\n- Virement bancaire : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Chèque : à l\'ordre d\'Atelier Durand & Fils"
    - "Article L. 111-8 du code des procédures civiles d\'exécution, alinéas 2 et 3 :"
    - "Les frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s\'ils concernent un acte dont l\'accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire."
    - "Cependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l\'exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi."
    - "Référence et date de ce courrier, à rappeler dans toute correspondance : REL-2026-0042 du 29 novembre 2026."
=== legal.payment_order legal courteous
legal RenderedDossierCover
  title: "Requête en injonction de payer – dossier REL-2026-0042 – Boulangerie Martin"
  summary: [4]
    - "Créance de 3 262,80 € due par Boulangerie Martin à Atelier Durand & Fils SARL, au titre des factures impayées n° F-2026-101 et F-2026-117."
    - "Fondement : créance contractuelle d\'un montant déterminé (article 1405 du code de procédure civile), résultant des factures énumérées ci-dessous ; intérêts au taux légal à compter de la mise en demeure (article 1231-6 du code civil)."
    - "Juridiction à saisir : tribunal judiciaire du domicile du débiteur (article 1406 du code de procédure civile)."
    - "Mise en demeure restée sans effet ; le délai de paiement accordé expirait le 9 décembre 2026."
  parties: RenderedTable
    header: [3]
      - "Qualité"
      - "Nom"
      - "Adresse"
    rows: [3]
      - [3]
        - "Créancier"
        - "Atelier Durand & Fils SARL"
        - "12 rue des Lilas, 69003 Lyon"
      - [3]
        - "Débiteur"
        - "Boulangerie Martin"
        - "3 avenue Jean Jaurès, 75019 Paris"
      - [3]
        - "Mandataire (recouvrement amiable)"
        - "Recouvra SAS"
        - "8 place Bellecour, 69002 Lyon"
  table: RenderedTable
    header: [6]
      - "Facture"
      - "Date"
      - "Échéance"
      - "Montant"
      - "Reste dû"
      - "Retard"
    rows: [2]
      - [6]
        - "F-2026-101"
        - "1er septembre 2026"
        - "1er octobre 2026"
        - "3 000,00 €"
        - "3 000,00 €"
        - "59 jours"
      - [6]
        - "F-2026-117"
        - "15 septembre 2026"
        - "15 octobre 2026"
        - "1 250,50 €"
        - "250,50 €"
        - "45 jours"
  totals: RenderedTable
    header: [2]
      - "Décompte"
      - "Montant"
    rows: [3]
      - [2]
        - "Principal"
        - "3 250,50 €"
      - [2]
        - "Intérêts (taux annuel 6,62 %)"
        - "12,30 €"
      - [2]
        - "Total réclamé"
        - "3 262,80 €"
  history: RenderedTable
    header: [3]
      - "Date"
      - "Moyen"
      - "Démarche"
    rows: [2]
      - [3]
        - "2 octobre 2026"
        - "courriel"
        - "Rappel amical"
      - [3]
        - "20 octobre 2026"
        - "appel téléphonique"
        - "Appel sans réponse"
  documents: [6]
    - "Bordereau des pièces :"
    - "1. Factures n° F-2026-101 et F-2026-117"
    - "2. Conditions générales de vente ou contrat"
    - "3. Bon de commande ou devis signé, preuve de livraison ou d\'exécution"
    - "4. Mise en demeure et avis de réception"
    - "5. Relevé de compte du débiteur"
"""#,
"en single": #"""
=== reminder.courteous email courteous
email RenderedEmail
  subject: "Friendly reminder: invoice F-2026-007 – €99.99"
  text: "Hello,\n\nJust a quick reminder that the following invoice is coming due:\n\n- Invoice F-2026-007 of 1 February 2026, due 1 March 2026: €99.99 outstanding\n\nTotal: €99.99, to be paid by 1 April 2026.\n\nYou can pay by:\n- IBAN: FR76 3000 6000 0112 3456 7890 189\n\nIf your payment is already on its way, please disregard this message. We are of course happy to answer any question.\n\nKind regards,\n\nAtelier Durand & Fils SARL\nTel.: 04 78 00 00 00\nEmail: compta@atelier-durand.example\nRef.: REL-2026-0001"
  html: "<p>Hello,</p>\n<p>Just a quick reminder that the following invoice is coming due:</p>\n<table>\n<tr><th>Invoice</th><th>Date</th><th>Due</th><th>Outstanding</th></tr>\n<tr><td>F-2026-007</td><td>1 February 2026</td><td>1 March 2026</td><td>€99.99</td></tr>\n</table>\n<p>Total: <strong>€99.99</strong>, to be paid by 1 April 2026.</p>\n<ul>\n<li>IBAN: FR76 3000 6000 0112 3456 7890 189</li>\n</ul>\n<p>If your payment is already on its way, please disregard this message.</p>\n<p>Kind regards,<br>Atelier Durand &amp; Fils SARL</p>"
=== reminder.courteous email neutral
email RenderedEmail
  subject: "Payment reminder: invoice F-2026-007 – €99.99"
  text: "Hello,\n\nThis is a reminder that the following invoice is coming due:\n\n- Invoice F-2026-007 of 1 February 2026, due 1 March 2026: €99.99 outstanding\n\nTotal: €99.99, to be paid by 1 April 2026, by:\n- IBAN: FR76 3000 6000 0112 3456 7890 189\n\nIf you have already paid, please disregard this message.\n\nRegards,\n\nAtelier Durand & Fils SARL\nTel.: 04 78 00 00 00\nEmail: compta@atelier-durand.example\nRef.: REL-2026-0001"
  html: nil
=== reminder.courteous email firm
email RenderedEmail
  subject: "Payment due: invoice F-2026-007 – €99.99"
  text: "Hello,\n\nThe following invoice is coming due. Please make sure payment is made on time:\n\n- Invoice F-2026-007 of 1 February 2026, due 1 March 2026: €99.99 outstanding\n\nThe amount of €99.99 must be paid by 1 April 2026, by:\n- IBAN: FR76 3000 6000 0112 3456 7890 189\n\nPlease note that any late payment makes late-payment penalties and a fixed recovery indemnity of €40 per invoice due without further notice (article L. 441-10 of the French Commercial Code).\n\nRegards,\n\nAtelier Durand & Fils SARL\nTel.: 04 78 00 00 00\nEmail: compta@atelier-durand.example\nRef.: REL-2026-0001"
  html: nil
=== reminder.neutral email courteous
email RenderedEmail
  subject: "Invoice F-2026-007 awaiting payment – €99.99"
  text: "Hello,\n\nUnless we are mistaken, we have not yet received payment for the following invoice. These things happen:\n\n- Invoice F-2026-007 of 1 February 2026, due 1 March 2026: €99.99 outstanding\n\nCould you arrange payment of €99.99 by 1 April 2026? You can pay by:\n- IBAN: FR76 3000 6000 0112 3456 7890 189\n\nIf something prevents you from paying, or if you spot an error on this invoice, simply reply to this message and we will find a solution together.\n\nKind regards,\n\nAtelier Durand & Fils SARL\nTel.: 04 78 00 00 00\nEmail: compta@atelier-durand.example\nRef.: REL-2026-0001"
  html: nil
=== reminder.neutral email neutral
email RenderedEmail
  subject: "Reminder: unpaid invoice F-2026-007 – €99.99"
  text: "Hello,\n\nUnless we are mistaken, the following invoice remains unpaid to date:\n\n- Invoice F-2026-007 of 1 February 2026, due 1 March 2026: €99.99 outstanding\n\nPlease pay €99.99 by 1 April 2026, by:\n- IBAN: FR76 3000 6000 0112 3456 7890 189\n\nIf you have already paid, please let us know the payment date.\n\nRegards,\n\nAtelier Durand & Fils SARL\nTel.: 04 78 00 00 00\nEmail: compta@atelier-durand.example\nRef.: REL-2026-0001"
  html: nil
=== reminder.neutral email firm
email RenderedEmail
  subject: "Overdue: invoice F-2026-007 – payment expected by 1 April 2026"
  text: "Hello,\n\nAlthough due, the following invoice remains unpaid:\n\n- Invoice F-2026-007 of 1 February 2026, due 1 March 2026: €99.99 outstanding\n\nWe ask you to pay €99.99 no later than 1 April 2026, by:\n- IBAN: FR76 3000 6000 0112 3456 7890 189\n\nRegards,\n\nAtelier Durand & Fils SARL\nTel.: 04 78 00 00 00\nEmail: compta@atelier-durand.example\nRef.: REL-2026-0001"
  html: nil
=== reminder.firm email courteous
email RenderedEmail
  subject: "Further reminder: invoice F-2026-007 – €99.99"
  text: "Hello,\n\nWe are writing again because, despite our previous reminder, the following invoice remains unpaid:\n\n- Invoice F-2026-007 of 1 February 2026, due 1 March 2026: €99.99 outstanding\n\nWe would be grateful if you could pay €99.99 by 1 April 2026, by:\n- IBAN: FR76 3000 6000 0112 3456 7890 189\n\nIf you are facing a temporary difficulty, please contact us before that date: a payment schedule can be considered.\n\nKind regards,\n\nAtelier Durand & Fils SARL\nTel.: 04 78 00 00 00\nEmail: compta@atelier-durand.example\nRef.: REL-2026-0001"
  html: nil
=== reminder.firm email neutral
email RenderedEmail
  subject: "Second reminder: invoice F-2026-007 – €99.99"
  text: "Hello,\n\nDespite our previous reminders, the following invoice remains unpaid:\n\n- Invoice F-2026-007 of 1 February 2026, due 1 March 2026: €99.99 outstanding\n\nWe ask you to pay €99.99 no later than 1 April 2026, by:\n- IBAN: FR76 3000 6000 0112 3456 7890 189\n\nRegards,\n\nAtelier Durand & Fils SARL\nTel.: 04 78 00 00 00\nEmail: compta@atelier-durand.example\nRef.: REL-2026-0001"
  html: nil
=== reminder.firm email firm
email RenderedEmail
  subject: "Final reminder before formal notice: invoice F-2026-007 – €99.99"
  text: "Hello,\n\nOur reminders have gone unanswered: the following invoice is still unpaid:\n\n- Invoice F-2026-007 of 1 February 2026, due 1 March 2026: €99.99 outstanding\n\nWe require payment of €99.99 no later than 1 April 2026, by:\n- IBAN: FR76 3000 6000 0112 3456 7890 189\n\nWithout payment by that date, we will send you a formal notice to pay, before taking legal action.\n\nAtelier Durand & Fils SARL\nTel.: 04 78 00 00 00\nEmail: compta@atelier-durand.example\nRef.: REL-2026-0001"
  html: nil
=== call.first call courteous
call RenderedCallBriefing
  title: "Reminder call – Café du Port – €99.99"
  summary: [8]
    - "Debtor: Café du Port (business)"
    - "Phone: no number on file – find one before calling"
    - "Creditor: Atelier Durand & Fils SARL"
    - "Invoices: 1 (F-2026-007)"
    - "Principal outstanding: €99.99"
    - "Total due: €99.99"
    - "Payment date to obtain: no later than 1 April 2026"
    - "File reference: REL-2026-0001"
  script: [6]
    - "Hello, this is Atelier Durand & Fils SARL. May I speak to the person in charge of supplier payments?"
    - "I am calling about invoice F-2026-007, with €99.99 outstanding. Unless we are mistaken, we have not received payment. Did you receive this invoice?"
    - "Listen before proposing anything: is there a problem with the work, a dispute, or a cash-flow difficulty? A customer who usually pays on time deserves a careful hearing."
    - "Obtain a precise payment date, no later than 1 April 2026, and the payment method:\n- IBAN: FR76 3000 6000 0112 3456 7890 189"
    - "If there is a real difficulty, propose a payment schedule and record it; if there is a dispute, note the exact reason and pause the reminders."
    - "Close by summarising the commitment made (amount, date, method) and thank the person."
  table: RenderedTable
    header: [6]
      - "Invoice"
      - "Date"
      - "Due"
      - "Amount"
      - "Outstanding"
      - "Overdue"
    rows: [1]
      - [6]
        - "F-2026-007"
        - "1 February 2026"
        - "1 March 2026"
        - "€99.99"
        - "€99.99"
        - "0 days"
  history: RenderedTable
    header: [3]
      - "Date"
      - "Channel"
      - "Action"
    rows: [0]
  outcomes: [6]
    - "Record after the call:"
    - "- promise to pay: amount, date, method"
    - "- payment schedule proposed: amounts and dates"
    - "- dispute: exact reason (pauses the reminders)"
    - "- payment said to be made: date and method, to be checked"
    - "- unreachable or wrong number"
=== letter.recap letter courteous
letter RenderedLetter
  title: "Reminder – actions taken so far"
  sender: [3]
    - "Atelier Durand & Fils SARL"
    - "12 rue des Lilas"
    - "69003 Lyon"
  recipient: [3]
    - "Café du Port"
    - "1 quai Rambaud"
    - "69002 Lyon"
  mailing: nil
  date: "1 March 2026"
  reference: [1]
    - "Ref.: REL-2026-0001"
  subject: "Subject: unpaid invoice F-2026-007 – €99.99"
  salutation: "Dear Sir or Madam,"
  body: [3]
    - "Unless we are mistaken, the invoice listed below remains unpaid to date, with €99.99 outstanding."
    - "We ask you to pay €99.99 no later than 1 April 2026, by one of the following means:\n- IBAN: FR76 3000 6000 0112 3456 7890 189"
    - "If you have paid in the meantime, please disregard this letter. If you dispute all or part of this sum, or are facing a difficulty, please let us know promptly."
  table: RenderedTable
    header: [6]
      - "Invoice"
      - "Date"
      - "Due"
      - "Amount"
      - "Outstanding"
      - "Overdue"
    rows: [1]
      - [6]
        - "F-2026-007"
        - "1 February 2026"
        - "1 March 2026"
        - "€99.99"
        - "€99.99"
        - "0 days"
  totals: RenderedTable
    header: [2]
      - "Summary"
      - "Amount"
    rows: [2]
      - [2]
        - "Principal outstanding"
        - "€99.99"
      - [2]
        - "Total due"
        - "€99.99"
  closing: [1]
    - "Yours faithfully,"
  signature: [3]
    - "Atelier Durand & Fils SARL"
    - "Claire Durand"
    - "Tel.: 04 78 00 00 00"
  mentions: [0]
=== notice.formal registered_letter courteous
letter RenderedLetter
  title: "FORMAL NOTICE TO PAY (MISE EN DEMEURE)"
  sender: [3]
    - "Atelier Durand & Fils SARL"
    - "12 rue des Lilas"
    - "69003 Lyon"
  recipient: [3]
    - "Café du Port"
    - "1 quai Rambaud"
    - "69002 Lyon"
  mailing: "Registered letter with acknowledgement of receipt"
  date: "1 March 2026"
  reference: [1]
    - "Ref.: REL-2026-0001"
  subject: "Subject: formal notice to pay – invoice F-2026-007"
  salutation: "Dear Sir or Madam,"
  body: [6]
    - "Despite our previous reminders, the invoice listed below remains unpaid."
    - "We hereby give you formal notice to pay €99.99, made up as follows: principal €99.99."
    - "Payment must reach us within eight days of receipt of this letter, that is no later than 1 April 2026, by one of the following means:\n- IBAN: FR76 3000 6000 0112 3456 7890 189"
    - "Late-payment penalties continue to run until payment in full (article L. 441-10 of the French Commercial Code)."
    - "Failing payment within that time, we will start court proceedings to recover the debt without further notice, in particular an application for a payment order (injonction de payer); the costs of those proceedings will be added to the sums due."
    - "This letter is a formal notice to pay (mise en demeure) within the meaning of article 1344 of the French Civil Code."
  table: RenderedTable
    header: [6]
      - "Invoice"
      - "Date"
      - "Due"
      - "Amount"
      - "Outstanding"
      - "Overdue"
    rows: [1]
      - [6]
        - "F-2026-007"
        - "1 February 2026"
        - "1 March 2026"
        - "€99.99"
        - "€99.99"
        - "0 days"
  totals: RenderedTable
    header: [2]
      - "Statement"
      - "Amount"
    rows: [2]
      - [2]
        - "Principal outstanding"
        - "€99.99"
      - [2]
        - "Total due"
        - "€99.99"
  closing: [1]
    - "Yours faithfully,"
  signature: [2]
    - "Atelier Durand & Fils SARL"
    - "Claire Durand"
  mentions: [0]
=== legal.payment_order legal courteous
legal RenderedDossierCover
  title: "Application for a payment order (injonction de payer) – file REL-2026-0001 – Café du Port"
  summary: [4]
    - "Claim of €99.99 owed by Café du Port to Atelier Durand & Fils SARL for unpaid invoice F-2026-007."
    - "Basis: contractual debt of a fixed amount (article 1405 of the French Code of Civil Procedure), under the invoices listed below; late-payment penalties and fixed indemnity under article L. 441-10 of the French Commercial Code."
    - "Court: president of the commercial court (or economic activities court) where the debtor has its registered office (article 1406 of the French Code of Civil Procedure)."
    - "The formal notice went unanswered; the time it gave to pay expired on 1 April 2026."
  parties: RenderedTable
    header: [3]
      - "Role"
      - "Name"
      - "Address"
    rows: [2]
      - [3]
        - "Creditor"
        - "Atelier Durand & Fils SARL"
        - "12 rue des Lilas, 69003 Lyon"
      - [3]
        - "Debtor"
        - "Café du Port"
        - "1 quai Rambaud, 69002 Lyon"
  table: RenderedTable
    header: [6]
      - "Invoice"
      - "Date"
      - "Due"
      - "Amount"
      - "Outstanding"
      - "Overdue"
    rows: [1]
      - [6]
        - "F-2026-007"
        - "1 February 2026"
        - "1 March 2026"
        - "€99.99"
        - "€99.99"
        - "0 days"
  totals: RenderedTable
    header: [2]
      - "Statement"
      - "Amount"
    rows: [2]
      - [2]
        - "Principal"
        - "€99.99"
      - [2]
        - "Total claimed"
        - "€99.99"
  history: RenderedTable
    header: [3]
      - "Date"
      - "Channel"
      - "Action"
    rows: [0]
  documents: [6]
    - "Supporting documents:"
    - "1. Invoice F-2026-007"
    - "2. General terms of sale or contract"
    - "3. Purchase order or signed quote, proof of delivery or performance"
    - "4. Formal notice and acknowledgement of receipt"
    - "5. Statement of the debtor\'s account"
"""#,
"en full business": #"""
=== reminder.courteous email courteous
email RenderedEmail
  subject: "Friendly reminder: invoices F-2026-101 and F-2026-117 – €3,250.50"
  text: "Hello Paul Martin,\n\nUnless we are mistaken, we have not yet received payment for the following invoices. It is most likely a simple oversight:\n\n- Invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00 outstanding (59 days overdue)\n- Invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50 outstanding (45 days overdue)\n\nTotal: €3,250.50, to be paid by 9 December 2026.\n\nYou can pay by:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nIf your payment is already on its way, please disregard this message. We are of course happy to answer any question.\n\nKind regards,\n\nAtelier Durand & Fils SARL\nTel.: 04 78 00 00 00\nEmail: compta@atelier-durand.example\nRef.: REL-2026-0042"
  html: "<p>Hello Paul Martin,</p>\n<p>Unless we are mistaken, we have not yet received payment for the following invoices. It is most likely a simple oversight:</p>\n<table>\n<tr><th>Invoice</th><th>Date</th><th>Due</th><th>Outstanding</th></tr>\n<tr><td>F-2026-101</td><td>1 September 2026</td><td>1 October 2026</td><td>€3,000.00</td></tr>\n<tr><td>F-2026-117</td><td>15 September 2026</td><td>15 October 2026</td><td>€250.50</td></tr>\n</table>\n<p>Total: <strong>€3,250.50</strong>, to be paid by 9 December 2026.</p>\n<ul>\n<li>Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP</li>\n<li>Cheque: payable to Atelier Durand &amp; Fils</li>\n</ul>\n<p>If your payment is already on its way, please disregard this message.</p>\n<p>Kind regards,<br>Atelier Durand &amp; Fils SARL</p>"
=== reminder.courteous email neutral
email RenderedEmail
  subject: "Payment reminder: invoices F-2026-101 and F-2026-117 – €3,250.50"
  text: "Hello Paul Martin,\n\nThis is a reminder that the following invoices are now due:\n\n- Invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00 outstanding (59 days overdue)\n- Invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50 outstanding (45 days overdue)\n\nTotal: €3,250.50, to be paid by 9 December 2026, by:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nIf you have already paid, please disregard this message.\n\nRegards,\n\nAtelier Durand & Fils SARL\nTel.: 04 78 00 00 00\nEmail: compta@atelier-durand.example\nRef.: REL-2026-0042"
  html: nil
=== reminder.courteous email firm
email RenderedEmail
  subject: "Payment due: invoices F-2026-101 and F-2026-117 – €3,250.50"
  text: "Hello Paul Martin,\n\nThe following invoices are overdue and remain unpaid:\n\n- Invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00 outstanding (59 days overdue)\n- Invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50 outstanding (45 days overdue)\n\nThe amount of €3,250.50 must be paid by 9 December 2026, by:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nPlease note that any late payment makes late-payment penalties and a fixed recovery indemnity of €40 per invoice due without further notice (article L. 441-10 of the French Commercial Code).\n\nRegards,\n\nAtelier Durand & Fils SARL\nTel.: 04 78 00 00 00\nEmail: compta@atelier-durand.example\nRef.: REL-2026-0042"
  html: nil
=== reminder.neutral email courteous
email RenderedEmail
  subject: "Invoices F-2026-101 and F-2026-117 awaiting payment – €3,250.50"
  text: "Hello Paul Martin,\n\nUnless we are mistaken, we have not yet received payment for the following invoices. These things happen:\n\n- Invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00 outstanding (59 days overdue)\n- Invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50 outstanding (45 days overdue)\n\nCould you arrange payment of €3,250.50 by 9 December 2026? You can pay by:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nIf something prevents you from paying, or if you spot an error on these invoices, simply reply to this message and we will find a solution together.\n\nKind regards,\n\nAtelier Durand & Fils SARL\nTel.: 04 78 00 00 00\nEmail: compta@atelier-durand.example\nRef.: REL-2026-0042"
  html: nil
=== reminder.neutral email neutral
email RenderedEmail
  subject: "Reminder: unpaid invoices F-2026-101 and F-2026-117 – €3,250.50"
  text: "Hello Paul Martin,\n\nUnless we are mistaken, the following invoices remain unpaid to date:\n\n- Invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00 outstanding (59 days overdue)\n- Invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50 outstanding (45 days overdue)\n\nPlease pay €3,250.50 by 9 December 2026, by:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nUnder article L. 441-10 of the French Commercial Code, late payment makes late-payment penalties due (€56.44 to date, at the annual rate of 12.15%) together with the fixed recovery indemnity of €80.00, making €3,386.94 in total.\n\nIf you have already paid, please let us know the payment date.\n\nRegards,\n\nAtelier Durand & Fils SARL\nTel.: 04 78 00 00 00\nEmail: compta@atelier-durand.example\nRef.: REL-2026-0042"
  html: nil
=== reminder.neutral email firm
email RenderedEmail
  subject: "Overdue: invoices F-2026-101 and F-2026-117 – payment expected by 9 December 2026"
  text: "Hello Paul Martin,\n\nAlthough due, the following invoices remain unpaid:\n\n- Invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00 outstanding (59 days overdue)\n- Invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50 outstanding (45 days overdue)\n\nWe ask you to pay €3,250.50 no later than 9 December 2026, by:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nUnder article L. 441-10 of the French Commercial Code, late payment makes late-payment penalties due (€56.44 to date, at the annual rate of 12.15%) together with the fixed recovery indemnity of €80.00, making €3,386.94 in total.\n\nWithout payment by that date, the next step will be a registered letter with acknowledgement of receipt, from 14 December 2026.\n\nRegards,\n\nAtelier Durand & Fils SARL\nTel.: 04 78 00 00 00\nEmail: compta@atelier-durand.example\nRef.: REL-2026-0042"
  html: nil
=== reminder.firm email courteous
email RenderedEmail
  subject: "Further reminder: invoices F-2026-101 and F-2026-117 – €3,386.94"
  text: "Hello Paul Martin,\n\nWe are writing again because, despite our previous reminder, the following invoices remain unpaid:\n\n- Invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00 outstanding (59 days overdue)\n- Invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50 outstanding (45 days overdue)\n\nUnder article L. 441-10 of the French Commercial Code, late payment makes late-payment penalties due (€56.44 to date, at the annual rate of 12.15%) together with the fixed recovery indemnity of €80.00, making €3,386.94 in total.\n\nWe would be grateful if you could pay €3,386.94 by 9 December 2026, by:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nIf you are facing a temporary difficulty, please contact us before that date: a payment schedule can be considered.\n\nKind regards,\n\nAtelier Durand & Fils SARL\nTel.: 04 78 00 00 00\nEmail: compta@atelier-durand.example\nRef.: REL-2026-0042"
  html: nil
=== reminder.firm email neutral
email RenderedEmail
  subject: "Second reminder: invoices F-2026-101 and F-2026-117 – €3,386.94"
  text: "Hello Paul Martin,\n\nDespite our previous reminders, the following invoices remain unpaid:\n\n- Invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00 outstanding (59 days overdue)\n- Invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50 outstanding (45 days overdue)\n\nUnder article L. 441-10 of the French Commercial Code, late payment makes late-payment penalties due (€56.44 to date, at the annual rate of 12.15%) together with the fixed recovery indemnity of €80.00, making €3,386.94 in total.\n\nWe ask you to pay €3,386.94 no later than 9 December 2026, by:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nOtherwise, the next step will be a registered letter with acknowledgement of receipt, from 14 December 2026.\n\nRegards,\n\nAtelier Durand & Fils SARL\nTel.: 04 78 00 00 00\nEmail: compta@atelier-durand.example\nRef.: REL-2026-0042"
  html: nil
=== reminder.firm email firm
email RenderedEmail
  subject: "Final reminder before formal notice: invoices F-2026-101 and F-2026-117 – €3,386.94"
  text: "Hello Paul Martin,\n\nOur reminders have gone unanswered: the following invoices are still unpaid:\n\n- Invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00 outstanding (59 days overdue)\n- Invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50 outstanding (45 days overdue)\n\nUnder article L. 441-10 of the French Commercial Code, late payment makes late-payment penalties due (€56.44 to date, at the annual rate of 12.15%) together with the fixed recovery indemnity of €80.00, making €3,386.94 in total.\n\nWe require payment of €3,386.94 no later than 9 December 2026, by:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nWithout payment by that date, we will send you a formal notice to pay from 14 December 2026, before taking legal action.\n\nAtelier Durand & Fils SARL\nTel.: 04 78 00 00 00\nEmail: compta@atelier-durand.example\nRef.: REL-2026-0042"
  html: nil
=== call.first call courteous
call RenderedCallBriefing
  title: "Reminder call – Boulangerie Martin – €3,386.94"
  summary: [10]
    - "Debtor: Boulangerie Martin (business)"
    - "Contact: Paul Martin"
    - "Phone: 01 40 00 00 00"
    - "Creditor: Atelier Durand & Fils SARL"
    - "Invoices: 2 (F-2026-101 and F-2026-117)"
    - "Principal outstanding: €3,250.50"
    - "Penalties and indemnities: €136.44"
    - "Total due: €3,386.94"
    - "Payment date to obtain: no later than 9 December 2026"
    - "File reference: REL-2026-0042"
  script: [6]
    - "Hello, this is Atelier Durand & Fils SARL. May I speak to Paul Martin?"
    - "I am calling about invoices F-2026-101 and F-2026-117, with €3,250.50 outstanding. Unless we are mistaken, we have not received payment. Did you receive these invoices?"
    - "Listen before proposing anything: is there a problem with the work, a dispute, or a cash-flow difficulty? A customer who usually pays on time deserves a careful hearing."
    - "Obtain a precise payment date, no later than 9 December 2026, and the payment method:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils"
    - "If there is a real difficulty, propose a payment schedule and record it; if there is a dispute, note the exact reason and pause the reminders."
    - "Close by summarising the commitment made (amount, date, method) and thank the person."
  table: RenderedTable
    header: [6]
      - "Invoice"
      - "Date"
      - "Due"
      - "Amount"
      - "Outstanding"
      - "Overdue"
    rows: [2]
      - [6]
        - "F-2026-101"
        - "1 September 2026"
        - "1 October 2026"
        - "€3,000.00"
        - "€3,000.00"
        - "59 days"
      - [6]
        - "F-2026-117"
        - "15 September 2026"
        - "15 October 2026"
        - "€1,250.50"
        - "€250.50"
        - "45 days"
  history: RenderedTable
    header: [3]
      - "Date"
      - "Channel"
      - "Action"
    rows: [2]
      - [3]
        - "2 October 2026"
        - "email"
        - "Friendly reminder"
      - [3]
        - "20 October 2026"
        - "phone call"
        - "Call, no answer"
  outcomes: [6]
    - "Record after the call:"
    - "- promise to pay: amount, date, method"
    - "- payment schedule proposed: amounts and dates"
    - "- dispute: exact reason (pauses the reminders)"
    - "- payment said to be made: date and method, to be checked"
    - "- unreachable or wrong number"
=== letter.recap letter courteous
letter RenderedLetter
  title: "Reminder – actions taken so far"
  sender: [3]
    - "Atelier Durand & Fils SARL"
    - "12 rue des Lilas"
    - "69003 Lyon"
  recipient: [4]
    - "Boulangerie Martin"
    - "For the attention of Paul Martin"
    - "3 avenue Jean Jaurès"
    - "75019 Paris"
  mailing: nil
  date: "29 November 2026"
  reference: [1]
    - "Ref.: REL-2026-0042"
  subject: "Subject: unpaid invoices F-2026-101 and F-2026-117 – €3,386.94"
  salutation: "Dear Sir or Madam,"
  body: [6]
    - "Unless we are mistaken, the invoices listed below remain unpaid to date, with €3,250.50 outstanding."
    - "We have already contacted you about this:\n- on 2 October 2026, by email: Friendly reminder\n- on 20 October 2026, by phone call: Call, no answer"
    - "Under article L. 441-10 of the French Commercial Code, late payment makes late-payment penalties due (€56.44 to date, at the annual rate of 12.15%) together with the fixed recovery indemnity of €80.00, making €3,386.94 in total."
    - "We ask you to pay €3,386.94 no later than 9 December 2026, by one of the following means:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils"
    - "Without payment by that date, the next step will be a registered letter with acknowledgement of receipt, from 14 December 2026."
    - "If you have paid in the meantime, please disregard this letter. If you dispute all or part of this sum, or are facing a difficulty, please let us know promptly."
  table: RenderedTable
    header: [6]
      - "Invoice"
      - "Date"
      - "Due"
      - "Amount"
      - "Outstanding"
      - "Overdue"
    rows: [2]
      - [6]
        - "F-2026-101"
        - "1 September 2026"
        - "1 October 2026"
        - "€3,000.00"
        - "€3,000.00"
        - "59 days"
      - [6]
        - "F-2026-117"
        - "15 September 2026"
        - "15 October 2026"
        - "€1,250.50"
        - "€250.50"
        - "45 days"
  totals: RenderedTable
    header: [2]
      - "Summary"
      - "Amount"
    rows: [4]
      - [2]
        - "Principal outstanding"
        - "€3,250.50"
      - [2]
        - "Late-payment penalties"
        - "€56.44"
      - [2]
        - "Fixed recovery indemnity"
        - "€80.00"
      - [2]
        - "Total due"
        - "€3,386.94"
  closing: [1]
    - "Yours faithfully,"
  signature: [3]
    - "Atelier Durand & Fils SARL"
    - "Claire Durand"
    - "Tel.: 04 78 00 00 00"
  mentions: [0]
=== notice.formal registered_letter courteous
letter RenderedLetter
  title: "FORMAL NOTICE TO PAY (MISE EN DEMEURE)"
  sender: [3]
    - "Atelier Durand & Fils SARL"
    - "12 rue des Lilas"
    - "69003 Lyon"
  recipient: [4]
    - "Boulangerie Martin"
    - "For the attention of Paul Martin"
    - "3 avenue Jean Jaurès"
    - "75019 Paris"
  mailing: "Registered letter with acknowledgement of receipt"
  date: "29 November 2026"
  reference: [1]
    - "Ref.: REL-2026-0042"
  subject: "Subject: formal notice to pay – invoices F-2026-101 and F-2026-117"
  salutation: "Dear Sir or Madam,"
  body: [7]
    - "Despite our previous reminders, the invoices listed below remain unpaid."
    - "Actions taken so far:\n- on 2 October 2026, by email: Friendly reminder\n- on 20 October 2026, by phone call: Call, no answer"
    - "We hereby give you formal notice to pay €3,386.94, made up as follows: principal €3,250.50; late-payment penalties €56.44, at the annual rate of 12.15% (ECB rate plus 10 points); fixed recovery indemnity €80.00 (French Commercial Code, arts. L. 441-10 and D. 441-5)."
    - "Payment must reach us within eight days of receipt of this letter, that is no later than 9 December 2026, by one of the following means:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils"
    - "Late-payment penalties continue to run until payment in full (article L. 441-10 of the French Commercial Code)."
    - "Failing payment within that time, we will start court proceedings to recover the debt without further notice, in particular an application for a payment order (injonction de payer) from 14 December 2026; the costs of those proceedings will be added to the sums due."
    - "This letter is a formal notice to pay (mise en demeure) within the meaning of article 1344 of the French Civil Code."
  table: RenderedTable
    header: [6]
      - "Invoice"
      - "Date"
      - "Due"
      - "Amount"
      - "Outstanding"
      - "Overdue"
    rows: [2]
      - [6]
        - "F-2026-101"
        - "1 September 2026"
        - "1 October 2026"
        - "€3,000.00"
        - "€3,000.00"
        - "59 days"
      - [6]
        - "F-2026-117"
        - "15 September 2026"
        - "15 October 2026"
        - "€1,250.50"
        - "€250.50"
        - "45 days"
  totals: RenderedTable
    header: [2]
      - "Statement"
      - "Amount"
    rows: [4]
      - [2]
        - "Principal outstanding"
        - "€3,250.50"
      - [2]
        - "Late-payment penalties"
        - "€56.44"
      - [2]
        - "Fixed recovery indemnity"
        - "€80.00"
      - [2]
        - "Total due"
        - "€3,386.94"
  closing: [1]
    - "Yours faithfully,"
  signature: [2]
    - "Atelier Durand & Fils SARL"
    - "Claire Durand"
  mentions: [0]
=== legal.payment_order legal courteous
legal RenderedDossierCover
  title: "Application for a payment order (injonction de payer) – file REL-2026-0042 – Boulangerie Martin"
  summary: [4]
    - "Claim of €3,386.94 owed by Boulangerie Martin to Atelier Durand & Fils SARL for unpaid invoices F-2026-101 and F-2026-117."
    - "Basis: contractual debt of a fixed amount (article 1405 of the French Code of Civil Procedure), under the invoices listed below; late-payment penalties and fixed indemnity under article L. 441-10 of the French Commercial Code."
    - "Court: president of the commercial court (or economic activities court) where the debtor has its registered office (article 1406 of the French Code of Civil Procedure)."
    - "The formal notice went unanswered; the time it gave to pay expired on 9 December 2026."
  parties: RenderedTable
    header: [3]
      - "Role"
      - "Name"
      - "Address"
    rows: [2]
      - [3]
        - "Creditor"
        - "Atelier Durand & Fils SARL"
        - "12 rue des Lilas, 69003 Lyon"
      - [3]
        - "Debtor"
        - "Boulangerie Martin"
        - "3 avenue Jean Jaurès, 75019 Paris"
  table: RenderedTable
    header: [6]
      - "Invoice"
      - "Date"
      - "Due"
      - "Amount"
      - "Outstanding"
      - "Overdue"
    rows: [2]
      - [6]
        - "F-2026-101"
        - "1 September 2026"
        - "1 October 2026"
        - "€3,000.00"
        - "€3,000.00"
        - "59 days"
      - [6]
        - "F-2026-117"
        - "15 September 2026"
        - "15 October 2026"
        - "€1,250.50"
        - "€250.50"
        - "45 days"
  totals: RenderedTable
    header: [2]
      - "Statement"
      - "Amount"
    rows: [4]
      - [2]
        - "Principal"
        - "€3,250.50"
      - [2]
        - "Late-payment penalties (annual rate 12.15%)"
        - "€56.44"
      - [2]
        - "Fixed recovery indemnity"
        - "€80.00"
      - [2]
        - "Total claimed"
        - "€3,386.94"
  history: RenderedTable
    header: [3]
      - "Date"
      - "Channel"
      - "Action"
    rows: [2]
      - [3]
        - "2 October 2026"
        - "email"
        - "Friendly reminder"
      - [3]
        - "20 October 2026"
        - "phone call"
        - "Call, no answer"
  documents: [6]
    - "Supporting documents:"
    - "1. Invoices F-2026-101 and F-2026-117"
    - "2. General terms of sale or contract"
    - "3. Purchase order or signed quote, proof of delivery or performance"
    - "4. Formal notice and acknowledgement of receipt"
    - "5. Statement of the debtor\'s account"
"""#,
"en three consumer": #"""
=== reminder.courteous email courteous
email RenderedEmail
  subject: "Friendly reminder: invoices H-1, H-2 and H-3 – CHF 1,012,000.04"
  text: "Hello Jean O\'Neil,\n\nUnless we are mistaken, we have not yet received payment for the following invoices. It is most likely a simple oversight:\n\n- Invoice H-1 of 1 January 2026, due 1 February 2026: CHF 1,000,000.00 outstanding (303 days overdue)\n- Invoice H-2 of 15 June 2026, due 15 July 2026: CHF 0.05 outstanding (139 days overdue)\n- Invoice H-3 of 1 November 2026, due 31 December 2026: CHF 11,999.99 outstanding\n\nTotal: CHF 1,012,000.04, to be paid by 15 December 2026.\n\nYou can pay by:\n- Virement: CH93 0076 2011 6238 5295 7\n- Chèque: à l\'ordre de Besson & Cie\n- Espèces: au comptoir\n\nIf your payment is already on its way, please disregard this message. We are of course happy to answer any question.\n\nKind regards,\n\nHorlogerie Besson & Cie\nRef.: REL-2026-0999"
  html: "<p>Hello Jean O&#39;Neil,</p>\n<p>Unless we are mistaken, we have not yet received payment for the following invoices. It is most likely a simple oversight:</p>\n<table>\n<tr><th>Invoice</th><th>Date</th><th>Due</th><th>Outstanding</th></tr>\n<tr><td>H-1</td><td>1 January 2026</td><td>1 February 2026</td><td>CHF 1,000,000.00</td></tr>\n<tr><td>H-2</td><td>15 June 2026</td><td>15 July 2026</td><td>CHF 0.05</td></tr>\n<tr><td>H-3</td><td>1 November 2026</td><td>31 December 2026</td><td>CHF 11,999.99</td></tr>\n</table>\n<p>Total: <strong>CHF 1,012,000.04</strong>, to be paid by 15 December 2026.</p>\n<ul>\n<li>Virement: CH93 0076 2011 6238 5295 7</li>\n<li>Chèque: à l&#39;ordre de Besson &amp; Cie</li>\n<li>Espèces: au comptoir</li>\n</ul>\n<p>If your payment is already on its way, please disregard this message.</p>\n<p>Kind regards,<br>Horlogerie Besson &amp; Cie</p>"
=== reminder.courteous email neutral
email RenderedEmail
  subject: "Payment reminder: invoices H-1, H-2 and H-3 – CHF 1,012,000.04"
  text: "Hello Jean O\'Neil,\n\nThis is a reminder that the following invoices are now due:\n\n- Invoice H-1 of 1 January 2026, due 1 February 2026: CHF 1,000,000.00 outstanding (303 days overdue)\n- Invoice H-2 of 15 June 2026, due 15 July 2026: CHF 0.05 outstanding (139 days overdue)\n- Invoice H-3 of 1 November 2026, due 31 December 2026: CHF 11,999.99 outstanding\n\nTotal: CHF 1,012,000.04, to be paid by 15 December 2026, by:\n- Virement: CH93 0076 2011 6238 5295 7\n- Chèque: à l\'ordre de Besson & Cie\n- Espèces: au comptoir\n\nIf you have already paid, please disregard this message.\n\nRegards,\n\nHorlogerie Besson & Cie\nRef.: REL-2026-0999"
  html: nil
=== reminder.courteous email firm
email RenderedEmail
  subject: "Payment due: invoices H-1, H-2 and H-3 – CHF 1,012,000.04"
  text: "Hello Jean O\'Neil,\n\nThe following invoices are overdue and remain unpaid:\n\n- Invoice H-1 of 1 January 2026, due 1 February 2026: CHF 1,000,000.00 outstanding (303 days overdue)\n- Invoice H-2 of 15 June 2026, due 15 July 2026: CHF 0.05 outstanding (139 days overdue)\n- Invoice H-3 of 1 November 2026, due 31 December 2026: CHF 11,999.99 outstanding\n\nThe amount of CHF 1,012,000.04 must be paid by 15 December 2026, by:\n- Virement: CH93 0076 2011 6238 5295 7\n- Chèque: à l\'ordre de Besson & Cie\n- Espèces: au comptoir\n\nRegards,\n\nHorlogerie Besson & Cie\nRef.: REL-2026-0999"
  html: nil
=== reminder.neutral email courteous
email RenderedEmail
  subject: "Invoices H-1, H-2 and H-3 awaiting payment – CHF 1,012,000.04"
  text: "Hello Jean O\'Neil,\n\nUnless we are mistaken, we have not yet received payment for the following invoices. These things happen:\n\n- Invoice H-1 of 1 January 2026, due 1 February 2026: CHF 1,000,000.00 outstanding (303 days overdue)\n- Invoice H-2 of 15 June 2026, due 15 July 2026: CHF 0.05 outstanding (139 days overdue)\n- Invoice H-3 of 1 November 2026, due 31 December 2026: CHF 11,999.99 outstanding\n\nCould you arrange payment of CHF 1,012,000.04 by 15 December 2026? You can pay by:\n- Virement: CH93 0076 2011 6238 5295 7\n- Chèque: à l\'ordre de Besson & Cie\n- Espèces: au comptoir\n\nIf something prevents you from paying, or if you spot an error on these invoices, simply reply to this message and we will find a solution together.\n\nKind regards,\n\nHorlogerie Besson & Cie\nRef.: REL-2026-0999"
  html: nil
=== reminder.neutral email neutral
email RenderedEmail
  subject: "Reminder: unpaid invoices H-1, H-2 and H-3 – CHF 1,012,000.04"
  text: "Hello Jean O\'Neil,\n\nUnless we are mistaken, the following invoices remain unpaid to date:\n\n- Invoice H-1 of 1 January 2026, due 1 February 2026: CHF 1,000,000.00 outstanding (303 days overdue)\n- Invoice H-2 of 15 June 2026, due 15 July 2026: CHF 0.05 outstanding (139 days overdue)\n- Invoice H-3 of 1 November 2026, due 31 December 2026: CHF 11,999.99 outstanding\n\nPlease pay CHF 1,012,000.04 by 15 December 2026, by:\n- Virement: CH93 0076 2011 6238 5295 7\n- Chèque: à l\'ordre de Besson & Cie\n- Espèces: au comptoir\n\nLate-payment interest of CHF 31,415.92 is added to this sum, making CHF 1,043,415.96 in total.\n\nIf you have already paid, please let us know the payment date.\n\nRegards,\n\nHorlogerie Besson & Cie\nRef.: REL-2026-0999"
  html: nil
=== reminder.neutral email firm
email RenderedEmail
  subject: "Overdue: invoices H-1, H-2 and H-3 – payment expected by 15 December 2026"
  text: "Hello Jean O\'Neil,\n\nAlthough due, the following invoices remain unpaid:\n\n- Invoice H-1 of 1 January 2026, due 1 February 2026: CHF 1,000,000.00 outstanding (303 days overdue)\n- Invoice H-2 of 15 June 2026, due 15 July 2026: CHF 0.05 outstanding (139 days overdue)\n- Invoice H-3 of 1 November 2026, due 31 December 2026: CHF 11,999.99 outstanding\n\nWe ask you to pay CHF 1,012,000.04 no later than 15 December 2026, by:\n- Virement: CH93 0076 2011 6238 5295 7\n- Chèque: à l\'ordre de Besson & Cie\n- Espèces: au comptoir\n\nLate-payment interest of CHF 31,415.92 is added to this sum, making CHF 1,043,415.96 in total.\n\nWithout payment by that date, the next step will be court proceedings to recover the debt, from 1 January 2027.\n\nRegards,\n\nHorlogerie Besson & Cie\nRef.: REL-2026-0999"
  html: nil
=== reminder.firm email courteous
email RenderedEmail
  subject: "Further reminder: invoices H-1, H-2 and H-3 – CHF 1,043,415.96"
  text: "Hello Jean O\'Neil,\n\nWe are writing again because, despite our previous reminder, the following invoices remain unpaid:\n\n- Invoice H-1 of 1 January 2026, due 1 February 2026: CHF 1,000,000.00 outstanding (303 days overdue)\n- Invoice H-2 of 15 June 2026, due 15 July 2026: CHF 0.05 outstanding (139 days overdue)\n- Invoice H-3 of 1 November 2026, due 31 December 2026: CHF 11,999.99 outstanding\n\nLate-payment interest of CHF 31,415.92 is added to this sum, making CHF 1,043,415.96 in total.\n\nWe would be grateful if you could pay CHF 1,043,415.96 by 15 December 2026, by:\n- Virement: CH93 0076 2011 6238 5295 7\n- Chèque: à l\'ordre de Besson & Cie\n- Espèces: au comptoir\n\nIf you are facing a temporary difficulty, please contact us before that date: a payment schedule can be considered.\n\nKind regards,\n\nHorlogerie Besson & Cie\nRef.: REL-2026-0999"
  html: nil
=== reminder.firm email neutral
email RenderedEmail
  subject: "Second reminder: invoices H-1, H-2 and H-3 – CHF 1,043,415.96"
  text: "Hello Jean O\'Neil,\n\nDespite our previous reminders, the following invoices remain unpaid:\n\n- Invoice H-1 of 1 January 2026, due 1 February 2026: CHF 1,000,000.00 outstanding (303 days overdue)\n- Invoice H-2 of 15 June 2026, due 15 July 2026: CHF 0.05 outstanding (139 days overdue)\n- Invoice H-3 of 1 November 2026, due 31 December 2026: CHF 11,999.99 outstanding\n\nLate-payment interest of CHF 31,415.92 is added to this sum, making CHF 1,043,415.96 in total.\n\nWe ask you to pay CHF 1,043,415.96 no later than 15 December 2026, by:\n- Virement: CH93 0076 2011 6238 5295 7\n- Chèque: à l\'ordre de Besson & Cie\n- Espèces: au comptoir\n\nOtherwise, the next step will be court proceedings to recover the debt, from 1 January 2027.\n\nRegards,\n\nHorlogerie Besson & Cie\nRef.: REL-2026-0999"
  html: nil
=== reminder.firm email firm
email RenderedEmail
  subject: "Final reminder before formal notice: invoices H-1, H-2 and H-3 – CHF 1,043,415.96"
  text: "Hello Jean O\'Neil,\n\nOur reminders have gone unanswered: the following invoices are still unpaid:\n\n- Invoice H-1 of 1 January 2026, due 1 February 2026: CHF 1,000,000.00 outstanding (303 days overdue)\n- Invoice H-2 of 15 June 2026, due 15 July 2026: CHF 0.05 outstanding (139 days overdue)\n- Invoice H-3 of 1 November 2026, due 31 December 2026: CHF 11,999.99 outstanding\n\nLate-payment interest of CHF 31,415.92 is added to this sum, making CHF 1,043,415.96 in total.\n\nWe require payment of CHF 1,043,415.96 no later than 15 December 2026, by:\n- Virement: CH93 0076 2011 6238 5295 7\n- Chèque: à l\'ordre de Besson & Cie\n- Espèces: au comptoir\n\nWithout payment by that date, we will send you a formal notice to pay from 1 January 2027, before taking legal action.\n\nHorlogerie Besson & Cie\nRef.: REL-2026-0999"
  html: nil
=== call.first call courteous
call RenderedCallBriefing
  title: "Reminder call – Jean \"Jo\" O\'Neil <Ateliers> – CHF 1,043,415.96"
  summary: [10]
    - "Debtor: Jean \"Jo\" O\'Neil <Ateliers> (consumer)"
    - "Contact: Jean O\'Neil"
    - "Phone: +41 22 000 00 00"
    - "Creditor: Horlogerie Besson & Cie"
    - "Invoices: 3 (H-1, H-2 and H-3)"
    - "Principal outstanding: CHF 1,012,000.04"
    - "Penalties and indemnities: CHF 31,415.92"
    - "Total due: CHF 1,043,415.96"
    - "Payment date to obtain: no later than 15 December 2026"
    - "File reference: REL-2026-0999"
  script: [6]
    - "Hello, this is Horlogerie Besson & Cie. May I speak to Jean O\'Neil?"
    - "I am calling about invoices H-1, H-2 and H-3, with CHF 1,012,000.04 outstanding. Unless we are mistaken, we have not received payment. Did you receive these invoices?"
    - "Listen before proposing anything: is there a problem with the work, a dispute, or a cash-flow difficulty? A customer who usually pays on time deserves a careful hearing."
    - "Obtain a precise payment date, no later than 15 December 2026, and the payment method:\n- Virement: CH93 0076 2011 6238 5295 7\n- Chèque: à l\'ordre de Besson & Cie\n- Espèces: au comptoir"
    - "If there is a real difficulty, propose a payment schedule and record it; if there is a dispute, note the exact reason and pause the reminders."
    - "Close by summarising the commitment made (amount, date, method) and thank the person."
  table: RenderedTable
    header: [6]
      - "Invoice"
      - "Date"
      - "Due"
      - "Amount"
      - "Outstanding"
      - "Overdue"
    rows: [3]
      - [6]
        - "H-1"
        - "1 January 2026"
        - "1 February 2026"
        - "CHF 1,234,567.89"
        - "CHF 1,000,000.00"
        - "303 days"
      - [6]
        - "H-2"
        - "15 June 2026"
        - "15 July 2026"
        - "CHF 0.05"
        - "CHF 0.05"
        - "139 days"
      - [6]
        - "H-3"
        - "1 November 2026"
        - "31 December 2026"
        - "CHF 12,000.00"
        - "CHF 11,999.99"
        - "0 days"
  history: RenderedTable
    header: [3]
      - "Date"
      - "Channel"
      - "Action"
    rows: [3]
      - [3]
        - "2 February 2026"
        - "email"
        - "Rappel <1> & \"amical\""
      - [3]
        - "1 March 2026"
        - "letter"
        - "Courrier"
      - [3]
        - "10 April 2026"
        - "registered letter with acknowledgement of receipt"
        - "Mise en demeure"
  outcomes: [6]
    - "Record after the call:"
    - "- promise to pay: amount, date, method"
    - "- payment schedule proposed: amounts and dates"
    - "- dispute: exact reason (pauses the reminders)"
    - "- payment said to be made: date and method, to be checked"
    - "- unreachable or wrong number"
=== letter.recap letter courteous
letter RenderedLetter
  title: "Reminder – actions taken so far"
  sender: [2]
    - "Horlogerie Besson & Cie"
    - "2 rue de la Paix"
  recipient: [5]
    - "Jean \"Jo\" O\'Neil <Ateliers>"
    - "For the attention of Jean O\'Neil"
    - "Rue du Rhône 5"
    - "1204 Genève"
    - "Suisse"
  mailing: nil
  date: "1 December 2026"
  reference: [1]
    - "Ref.: REL-2026-0999"
  subject: "Subject: unpaid invoices H-1, H-2 and H-3 – CHF 1,043,415.96"
  salutation: "Dear Sir or Madam,"
  body: [6]
    - "Unless we are mistaken, the invoices listed below remain unpaid to date, with CHF 1,012,000.04 outstanding."
    - "We have already contacted you about this:\n- on 2 February 2026, by email: Rappel <1> & \"amical\"\n- on 1 March 2026, by letter: Courrier\n- on 10 April 2026, by registered letter with acknowledgement of receipt: Mise en demeure"
    - "Late-payment interest of CHF 31,415.92 is added to this sum, making CHF 1,043,415.96 in total."
    - "We ask you to pay CHF 1,043,415.96 no later than 15 December 2026, by one of the following means:\n- Virement: CH93 0076 2011 6238 5295 7\n- Chèque: à l\'ordre de Besson & Cie\n- Espèces: au comptoir"
    - "Without payment by that date, the next step will be court proceedings to recover the debt, from 1 January 2027."
    - "If you have paid in the meantime, please disregard this letter. If you dispute all or part of this sum, or are facing a difficulty, please let us know promptly."
  table: RenderedTable
    header: [6]
      - "Invoice"
      - "Date"
      - "Due"
      - "Amount"
      - "Outstanding"
      - "Overdue"
    rows: [3]
      - [6]
        - "H-1"
        - "1 January 2026"
        - "1 February 2026"
        - "CHF 1,234,567.89"
        - "CHF 1,000,000.00"
        - "303 days"
      - [6]
        - "H-2"
        - "15 June 2026"
        - "15 July 2026"
        - "CHF 0.05"
        - "CHF 0.05"
        - "139 days"
      - [6]
        - "H-3"
        - "1 November 2026"
        - "31 December 2026"
        - "CHF 12,000.00"
        - "CHF 11,999.99"
        - "0 days"
  totals: RenderedTable
    header: [2]
      - "Summary"
      - "Amount"
    rows: [3]
      - [2]
        - "Principal outstanding"
        - "CHF 1,012,000.04"
      - [2]
        - "Late-payment penalties"
        - "CHF 31,415.92"
      - [2]
        - "Total due"
        - "CHF 1,043,415.96"
  closing: [1]
    - "Yours faithfully,"
  signature: [1]
    - "Horlogerie Besson & Cie"
  mentions: [0]
=== notice.formal registered_letter courteous
letter RenderedLetter
  title: "FORMAL NOTICE TO PAY (MISE EN DEMEURE)"
  sender: [2]
    - "Horlogerie Besson & Cie"
    - "2 rue de la Paix"
  recipient: [5]
    - "Jean \"Jo\" O\'Neil <Ateliers>"
    - "For the attention of Jean O\'Neil"
    - "Rue du Rhône 5"
    - "1204 Genève"
    - "Suisse"
  mailing: "Registered letter with acknowledgement of receipt"
  date: "1 December 2026"
  reference: [1]
    - "Ref.: REL-2026-0999"
  subject: "Subject: formal notice to pay – invoices H-1, H-2 and H-3"
  salutation: "Dear Sir or Madam,"
  body: [7]
    - "Despite our previous reminders, the invoices listed below remain unpaid."
    - "Actions taken so far:\n- on 2 February 2026, by email: Rappel <1> & \"amical\"\n- on 1 March 2026, by letter: Courrier\n- on 10 April 2026, by registered letter with acknowledgement of receipt: Mise en demeure"
    - "We hereby give you formal notice to pay CHF 1,043,415.96, made up as follows: principal CHF 1,012,000.04; late-payment interest CHF 31,415.92, at the annual rate of 8%."
    - "Payment must reach us within eight days of receipt of this letter, that is no later than 15 December 2026, by one of the following means:\n- Virement: CH93 0076 2011 6238 5295 7\n- Chèque: à l\'ordre de Besson & Cie\n- Espèces: au comptoir"
    - "This formal notice makes interest at the statutory rate run on the sums due (articles 1231-6 and 1344-1 of the French Civil Code)."
    - "Failing payment within that time, we will start court proceedings to recover the debt without further notice, in particular an application for a payment order (injonction de payer) from 1 January 2027; the costs of those proceedings will be added to the sums due."
    - "This letter is a formal notice to pay (mise en demeure) within the meaning of article 1344 of the French Civil Code."
  table: RenderedTable
    header: [6]
      - "Invoice"
      - "Date"
      - "Due"
      - "Amount"
      - "Outstanding"
      - "Overdue"
    rows: [3]
      - [6]
        - "H-1"
        - "1 January 2026"
        - "1 February 2026"
        - "CHF 1,234,567.89"
        - "CHF 1,000,000.00"
        - "303 days"
      - [6]
        - "H-2"
        - "15 June 2026"
        - "15 July 2026"
        - "CHF 0.05"
        - "CHF 0.05"
        - "139 days"
      - [6]
        - "H-3"
        - "1 November 2026"
        - "31 December 2026"
        - "CHF 12,000.00"
        - "CHF 11,999.99"
        - "0 days"
  totals: RenderedTable
    header: [2]
      - "Statement"
      - "Amount"
    rows: [3]
      - [2]
        - "Principal outstanding"
        - "CHF 1,012,000.04"
      - [2]
        - "Late-payment interest"
        - "CHF 31,415.92"
      - [2]
        - "Total due"
        - "CHF 1,043,415.96"
  closing: [1]
    - "Yours faithfully,"
  signature: [1]
    - "Horlogerie Besson & Cie"
  mentions: [0]
=== legal.payment_order legal courteous
legal RenderedDossierCover
  title: "Application for a payment order (injonction de payer) – file REL-2026-0999 – Jean \"Jo\" O\'Neil <Ateliers>"
  summary: [4]
    - "Claim of CHF 1,043,415.96 owed by Jean \"Jo\" O\'Neil <Ateliers> to Horlogerie Besson & Cie for unpaid invoices H-1, H-2 and H-3."
    - "Basis: contractual debt of a fixed amount (article 1405 of the French Code of Civil Procedure), under the invoices listed below; interest at the statutory rate from the formal notice (article 1231-6 of the French Civil Code)."
    - "Court: judicial court where the debtor lives (article 1406 of the French Code of Civil Procedure)."
    - "The formal notice went unanswered; the time it gave to pay expired on 15 December 2026."
  parties: RenderedTable
    header: [3]
      - "Role"
      - "Name"
      - "Address"
    rows: [2]
      - [3]
        - "Creditor"
        - "Horlogerie Besson & Cie"
        - "2 rue de la Paix"
      - [3]
        - "Debtor"
        - "Jean \"Jo\" O\'Neil <Ateliers>"
        - "Rue du Rhône 5, 1204 Genève, Suisse"
  table: RenderedTable
    header: [6]
      - "Invoice"
      - "Date"
      - "Due"
      - "Amount"
      - "Outstanding"
      - "Overdue"
    rows: [3]
      - [6]
        - "H-1"
        - "1 January 2026"
        - "1 February 2026"
        - "CHF 1,234,567.89"
        - "CHF 1,000,000.00"
        - "303 days"
      - [6]
        - "H-2"
        - "15 June 2026"
        - "15 July 2026"
        - "CHF 0.05"
        - "CHF 0.05"
        - "139 days"
      - [6]
        - "H-3"
        - "1 November 2026"
        - "31 December 2026"
        - "CHF 12,000.00"
        - "CHF 11,999.99"
        - "0 days"
  totals: RenderedTable
    header: [2]
      - "Statement"
      - "Amount"
    rows: [3]
      - [2]
        - "Principal"
        - "CHF 1,012,000.04"
      - [2]
        - "Interest (annual rate 8%)"
        - "CHF 31,415.92"
      - [2]
        - "Total claimed"
        - "CHF 1,043,415.96"
  history: RenderedTable
    header: [3]
      - "Date"
      - "Channel"
      - "Action"
    rows: [3]
      - [3]
        - "2 February 2026"
        - "email"
        - "Rappel <1> & \"amical\""
      - [3]
        - "1 March 2026"
        - "letter"
        - "Courrier"
      - [3]
        - "10 April 2026"
        - "registered letter with acknowledgement of receipt"
        - "Mise en demeure"
  documents: [6]
    - "Supporting documents:"
    - "1. Invoices H-1, H-2 and H-3"
    - "2. General terms of sale or contract"
    - "3. Purchase order or signed quote, proof of delivery or performance"
    - "4. Formal notice and acknowledgement of receipt"
    - "5. Statement of the debtor\'s account"
"""#,
"en agency first": #"""
=== reminder.courteous email courteous
email RenderedEmail
  subject: "Friendly reminder: invoices F-2026-101 and F-2026-117 – €3,250.50"
  text: "Hello Paul Martin,\n\nUnless we are mistaken, we have not yet received payment for the following invoices. It is most likely a simple oversight:\n\n- Invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00 outstanding (59 days overdue)\n- Invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50 outstanding (45 days overdue)\n\nTotal: €3,250.50, to be paid by 9 December 2026.\n\nYou can pay by:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nIf your payment is already on its way, please disregard this message. We are of course happy to answer any question.\n\nKind regards,\n\nRecouvra SAS\nOn behalf of our client: Atelier Durand & Fils SARL\nTel.: 04 72 00 00 00\nRef.: REL-2026-0042\n--\nRecouvra SAS, 8 place Bellecour, 69002 Lyon. We are a company carrying out the amicable collection of debts on behalf of third parties (recouvrement amiable).\n\nCreditor: Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon.\n\nBasis and amount of the debt:\n- invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00\n- invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50\nPrincipal: €3,250.50\nInterest and late-payment penalties: €56.44\nFixed recovery indemnity (French Commercial Code, art. D. 441-5): €80.00\nTotal due: €3,386.94\nNo amicable collection costs are charged to you.\n\nWe ask you to pay €3,386.94 no later than 9 December 2026, by one of the following means:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nReproduced in French, as article R. 124-4 of the French Code of Civil Enforcement Procedures requires:\n\nArticle L. 111-8 du code des procédures civiles d\'exécution, alinéas 2 et 3 :\n\nLes frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s\'ils concernent un acte dont l\'accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire.\n\nCependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l\'exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi.\n\nIn English: collection costs incurred without an enforceable title are borne by the creditor unless they concern an act the law requires of the creditor, and any contrary clause is void; a creditor who shows that the steps taken were necessary may ask the enforcement judge to charge all or part of those costs to a debtor acting in bad faith.\n\nReference and date of this letter, to be quoted in any correspondence: REL-2026-0042 of 29 November 2026."
  html: "<p>Hello Paul Martin,</p>\n<p>Unless we are mistaken, we have not yet received payment for the following invoices. It is most likely a simple oversight:</p>\n<table>\n<tr><th>Invoice</th><th>Date</th><th>Due</th><th>Outstanding</th></tr>\n<tr><td>F-2026-101</td><td>1 September 2026</td><td>1 October 2026</td><td>€3,000.00</td></tr>\n<tr><td>F-2026-117</td><td>15 September 2026</td><td>15 October 2026</td><td>€250.50</td></tr>\n</table>\n<p>Total: <strong>€3,250.50</strong>, to be paid by 9 December 2026.</p>\n<ul>\n<li>Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP</li>\n<li>Cheque: payable to Atelier Durand &amp; Fils</li>\n</ul>\n<p>If your payment is already on its way, please disregard this message.</p>\n<p>Kind regards,<br>Recouvra SAS</p>"
=== reminder.courteous email neutral
email RenderedEmail
  subject: "Payment reminder: invoices F-2026-101 and F-2026-117 – €3,250.50"
  text: "Hello Paul Martin,\n\nThis is a reminder that the following invoices are now due:\n\n- Invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00 outstanding (59 days overdue)\n- Invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50 outstanding (45 days overdue)\n\nTotal: €3,250.50, to be paid by 9 December 2026, by:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nIf you have already paid, please disregard this message.\n\nRegards,\n\nRecouvra SAS\nOn behalf of our client: Atelier Durand & Fils SARL\nTel.: 04 72 00 00 00\nRef.: REL-2026-0042\n--\nRecouvra SAS, 8 place Bellecour, 69002 Lyon. We are a company carrying out the amicable collection of debts on behalf of third parties (recouvrement amiable).\n\nCreditor: Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon.\n\nBasis and amount of the debt:\n- invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00\n- invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50\nPrincipal: €3,250.50\nInterest and late-payment penalties: €56.44\nFixed recovery indemnity (French Commercial Code, art. D. 441-5): €80.00\nTotal due: €3,386.94\nNo amicable collection costs are charged to you.\n\nWe ask you to pay €3,386.94 no later than 9 December 2026, by one of the following means:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nReproduced in French, as article R. 124-4 of the French Code of Civil Enforcement Procedures requires:\n\nArticle L. 111-8 du code des procédures civiles d\'exécution, alinéas 2 et 3 :\n\nLes frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s\'ils concernent un acte dont l\'accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire.\n\nCependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l\'exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi.\n\nIn English: collection costs incurred without an enforceable title are borne by the creditor unless they concern an act the law requires of the creditor, and any contrary clause is void; a creditor who shows that the steps taken were necessary may ask the enforcement judge to charge all or part of those costs to a debtor acting in bad faith.\n\nReference and date of this letter, to be quoted in any correspondence: REL-2026-0042 of 29 November 2026."
  html: nil
=== reminder.courteous email firm
email RenderedEmail
  subject: "Payment due: invoices F-2026-101 and F-2026-117 – €3,250.50"
  text: "Hello Paul Martin,\n\nThe following invoices are overdue and remain unpaid:\n\n- Invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00 outstanding (59 days overdue)\n- Invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50 outstanding (45 days overdue)\n\nThe amount of €3,250.50 must be paid by 9 December 2026, by:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nPlease note that any late payment makes late-payment penalties and a fixed recovery indemnity of €40 per invoice due without further notice (article L. 441-10 of the French Commercial Code).\n\nRegards,\n\nRecouvra SAS\nOn behalf of our client: Atelier Durand & Fils SARL\nTel.: 04 72 00 00 00\nRef.: REL-2026-0042\n--\nRecouvra SAS, 8 place Bellecour, 69002 Lyon. We are a company carrying out the amicable collection of debts on behalf of third parties (recouvrement amiable).\n\nCreditor: Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon.\n\nBasis and amount of the debt:\n- invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00\n- invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50\nPrincipal: €3,250.50\nInterest and late-payment penalties: €56.44\nFixed recovery indemnity (French Commercial Code, art. D. 441-5): €80.00\nTotal due: €3,386.94\nNo amicable collection costs are charged to you.\n\nWe ask you to pay €3,386.94 no later than 9 December 2026, by one of the following means:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nReproduced in French, as article R. 124-4 of the French Code of Civil Enforcement Procedures requires:\n\nArticle L. 111-8 du code des procédures civiles d\'exécution, alinéas 2 et 3 :\n\nLes frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s\'ils concernent un acte dont l\'accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire.\n\nCependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l\'exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi.\n\nIn English: collection costs incurred without an enforceable title are borne by the creditor unless they concern an act the law requires of the creditor, and any contrary clause is void; a creditor who shows that the steps taken were necessary may ask the enforcement judge to charge all or part of those costs to a debtor acting in bad faith.\n\nReference and date of this letter, to be quoted in any correspondence: REL-2026-0042 of 29 November 2026."
  html: nil
=== reminder.neutral email courteous
email RenderedEmail
  subject: "Invoices F-2026-101 and F-2026-117 awaiting payment – €3,250.50"
  text: "Hello Paul Martin,\n\nUnless we are mistaken, we have not yet received payment for the following invoices. These things happen:\n\n- Invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00 outstanding (59 days overdue)\n- Invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50 outstanding (45 days overdue)\n\nCould you arrange payment of €3,250.50 by 9 December 2026? You can pay by:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nIf something prevents you from paying, or if you spot an error on these invoices, simply reply to this message and we will find a solution together.\n\nKind regards,\n\nRecouvra SAS\nOn behalf of our client: Atelier Durand & Fils SARL\nTel.: 04 72 00 00 00\nRef.: REL-2026-0042\n--\nRecouvra SAS, 8 place Bellecour, 69002 Lyon. We are a company carrying out the amicable collection of debts on behalf of third parties (recouvrement amiable).\n\nCreditor: Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon.\n\nBasis and amount of the debt:\n- invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00\n- invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50\nPrincipal: €3,250.50\nInterest and late-payment penalties: €56.44\nFixed recovery indemnity (French Commercial Code, art. D. 441-5): €80.00\nTotal due: €3,386.94\nNo amicable collection costs are charged to you.\n\nWe ask you to pay €3,386.94 no later than 9 December 2026, by one of the following means:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nReproduced in French, as article R. 124-4 of the French Code of Civil Enforcement Procedures requires:\n\nArticle L. 111-8 du code des procédures civiles d\'exécution, alinéas 2 et 3 :\n\nLes frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s\'ils concernent un acte dont l\'accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire.\n\nCependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l\'exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi.\n\nIn English: collection costs incurred without an enforceable title are borne by the creditor unless they concern an act the law requires of the creditor, and any contrary clause is void; a creditor who shows that the steps taken were necessary may ask the enforcement judge to charge all or part of those costs to a debtor acting in bad faith.\n\nReference and date of this letter, to be quoted in any correspondence: REL-2026-0042 of 29 November 2026."
  html: nil
=== reminder.neutral email neutral
email RenderedEmail
  subject: "Reminder: unpaid invoices F-2026-101 and F-2026-117 – €3,250.50"
  text: "Hello Paul Martin,\n\nUnless we are mistaken, the following invoices remain unpaid to date:\n\n- Invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00 outstanding (59 days overdue)\n- Invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50 outstanding (45 days overdue)\n\nPlease pay €3,250.50 by 9 December 2026, by:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nUnder article L. 441-10 of the French Commercial Code, late payment makes late-payment penalties due (€56.44 to date, at the annual rate of 12.15%) together with the fixed recovery indemnity of €80.00, making €3,386.94 in total.\n\nIf you have already paid, please let us know the payment date.\n\nRegards,\n\nRecouvra SAS\nOn behalf of our client: Atelier Durand & Fils SARL\nTel.: 04 72 00 00 00\nRef.: REL-2026-0042\n--\nRecouvra SAS, 8 place Bellecour, 69002 Lyon. We are a company carrying out the amicable collection of debts on behalf of third parties (recouvrement amiable).\n\nCreditor: Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon.\n\nBasis and amount of the debt:\n- invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00\n- invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50\nPrincipal: €3,250.50\nInterest and late-payment penalties: €56.44\nFixed recovery indemnity (French Commercial Code, art. D. 441-5): €80.00\nTotal due: €3,386.94\nNo amicable collection costs are charged to you.\n\nWe ask you to pay €3,386.94 no later than 9 December 2026, by one of the following means:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nReproduced in French, as article R. 124-4 of the French Code of Civil Enforcement Procedures requires:\n\nArticle L. 111-8 du code des procédures civiles d\'exécution, alinéas 2 et 3 :\n\nLes frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s\'ils concernent un acte dont l\'accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire.\n\nCependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l\'exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi.\n\nIn English: collection costs incurred without an enforceable title are borne by the creditor unless they concern an act the law requires of the creditor, and any contrary clause is void; a creditor who shows that the steps taken were necessary may ask the enforcement judge to charge all or part of those costs to a debtor acting in bad faith.\n\nReference and date of this letter, to be quoted in any correspondence: REL-2026-0042 of 29 November 2026."
  html: nil
=== reminder.neutral email firm
email RenderedEmail
  subject: "Overdue: invoices F-2026-101 and F-2026-117 – payment expected by 9 December 2026"
  text: "Hello Paul Martin,\n\nAlthough due, the following invoices remain unpaid:\n\n- Invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00 outstanding (59 days overdue)\n- Invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50 outstanding (45 days overdue)\n\nWe ask you to pay €3,250.50 no later than 9 December 2026, by:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nUnder article L. 441-10 of the French Commercial Code, late payment makes late-payment penalties due (€56.44 to date, at the annual rate of 12.15%) together with the fixed recovery indemnity of €80.00, making €3,386.94 in total.\n\nWithout payment by that date, the next step will be a registered letter with acknowledgement of receipt, from 14 December 2026.\n\nRegards,\n\nRecouvra SAS\nOn behalf of our client: Atelier Durand & Fils SARL\nTel.: 04 72 00 00 00\nRef.: REL-2026-0042\n--\nRecouvra SAS, 8 place Bellecour, 69002 Lyon. We are a company carrying out the amicable collection of debts on behalf of third parties (recouvrement amiable).\n\nCreditor: Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon.\n\nBasis and amount of the debt:\n- invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00\n- invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50\nPrincipal: €3,250.50\nInterest and late-payment penalties: €56.44\nFixed recovery indemnity (French Commercial Code, art. D. 441-5): €80.00\nTotal due: €3,386.94\nNo amicable collection costs are charged to you.\n\nWe ask you to pay €3,386.94 no later than 9 December 2026, by one of the following means:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nReproduced in French, as article R. 124-4 of the French Code of Civil Enforcement Procedures requires:\n\nArticle L. 111-8 du code des procédures civiles d\'exécution, alinéas 2 et 3 :\n\nLes frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s\'ils concernent un acte dont l\'accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire.\n\nCependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l\'exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi.\n\nIn English: collection costs incurred without an enforceable title are borne by the creditor unless they concern an act the law requires of the creditor, and any contrary clause is void; a creditor who shows that the steps taken were necessary may ask the enforcement judge to charge all or part of those costs to a debtor acting in bad faith.\n\nReference and date of this letter, to be quoted in any correspondence: REL-2026-0042 of 29 November 2026."
  html: nil
=== reminder.firm email courteous
email RenderedEmail
  subject: "Further reminder: invoices F-2026-101 and F-2026-117 – €3,386.94"
  text: "Hello Paul Martin,\n\nWe are writing again because, despite our previous reminder, the following invoices remain unpaid:\n\n- Invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00 outstanding (59 days overdue)\n- Invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50 outstanding (45 days overdue)\n\nUnder article L. 441-10 of the French Commercial Code, late payment makes late-payment penalties due (€56.44 to date, at the annual rate of 12.15%) together with the fixed recovery indemnity of €80.00, making €3,386.94 in total.\n\nWe would be grateful if you could pay €3,386.94 by 9 December 2026, by:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nIf you are facing a temporary difficulty, please contact us before that date: a payment schedule can be considered.\n\nKind regards,\n\nRecouvra SAS\nOn behalf of our client: Atelier Durand & Fils SARL\nTel.: 04 72 00 00 00\nRef.: REL-2026-0042\n--\nRecouvra SAS, 8 place Bellecour, 69002 Lyon. We are a company carrying out the amicable collection of debts on behalf of third parties (recouvrement amiable).\n\nCreditor: Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon.\n\nBasis and amount of the debt:\n- invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00\n- invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50\nPrincipal: €3,250.50\nInterest and late-payment penalties: €56.44\nFixed recovery indemnity (French Commercial Code, art. D. 441-5): €80.00\nTotal due: €3,386.94\nNo amicable collection costs are charged to you.\n\nWe ask you to pay €3,386.94 no later than 9 December 2026, by one of the following means:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nReproduced in French, as article R. 124-4 of the French Code of Civil Enforcement Procedures requires:\n\nArticle L. 111-8 du code des procédures civiles d\'exécution, alinéas 2 et 3 :\n\nLes frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s\'ils concernent un acte dont l\'accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire.\n\nCependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l\'exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi.\n\nIn English: collection costs incurred without an enforceable title are borne by the creditor unless they concern an act the law requires of the creditor, and any contrary clause is void; a creditor who shows that the steps taken were necessary may ask the enforcement judge to charge all or part of those costs to a debtor acting in bad faith.\n\nReference and date of this letter, to be quoted in any correspondence: REL-2026-0042 of 29 November 2026."
  html: nil
=== reminder.firm email neutral
email RenderedEmail
  subject: "Second reminder: invoices F-2026-101 and F-2026-117 – €3,386.94"
  text: "Hello Paul Martin,\n\nDespite our previous reminders, the following invoices remain unpaid:\n\n- Invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00 outstanding (59 days overdue)\n- Invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50 outstanding (45 days overdue)\n\nUnder article L. 441-10 of the French Commercial Code, late payment makes late-payment penalties due (€56.44 to date, at the annual rate of 12.15%) together with the fixed recovery indemnity of €80.00, making €3,386.94 in total.\n\nWe ask you to pay €3,386.94 no later than 9 December 2026, by:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nOtherwise, the next step will be a registered letter with acknowledgement of receipt, from 14 December 2026.\n\nRegards,\n\nRecouvra SAS\nOn behalf of our client: Atelier Durand & Fils SARL\nTel.: 04 72 00 00 00\nRef.: REL-2026-0042\n--\nRecouvra SAS, 8 place Bellecour, 69002 Lyon. We are a company carrying out the amicable collection of debts on behalf of third parties (recouvrement amiable).\n\nCreditor: Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon.\n\nBasis and amount of the debt:\n- invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00\n- invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50\nPrincipal: €3,250.50\nInterest and late-payment penalties: €56.44\nFixed recovery indemnity (French Commercial Code, art. D. 441-5): €80.00\nTotal due: €3,386.94\nNo amicable collection costs are charged to you.\n\nWe ask you to pay €3,386.94 no later than 9 December 2026, by one of the following means:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nReproduced in French, as article R. 124-4 of the French Code of Civil Enforcement Procedures requires:\n\nArticle L. 111-8 du code des procédures civiles d\'exécution, alinéas 2 et 3 :\n\nLes frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s\'ils concernent un acte dont l\'accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire.\n\nCependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l\'exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi.\n\nIn English: collection costs incurred without an enforceable title are borne by the creditor unless they concern an act the law requires of the creditor, and any contrary clause is void; a creditor who shows that the steps taken were necessary may ask the enforcement judge to charge all or part of those costs to a debtor acting in bad faith.\n\nReference and date of this letter, to be quoted in any correspondence: REL-2026-0042 of 29 November 2026."
  html: nil
=== reminder.firm email firm
email RenderedEmail
  subject: "Final reminder before formal notice: invoices F-2026-101 and F-2026-117 – €3,386.94"
  text: "Hello Paul Martin,\n\nOur reminders have gone unanswered: the following invoices are still unpaid:\n\n- Invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00 outstanding (59 days overdue)\n- Invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50 outstanding (45 days overdue)\n\nUnder article L. 441-10 of the French Commercial Code, late payment makes late-payment penalties due (€56.44 to date, at the annual rate of 12.15%) together with the fixed recovery indemnity of €80.00, making €3,386.94 in total.\n\nWe require payment of €3,386.94 no later than 9 December 2026, by:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nWithout payment by that date, we will send you a formal notice to pay from 14 December 2026, before taking legal action.\n\nRecouvra SAS\nOn behalf of our client: Atelier Durand & Fils SARL\nTel.: 04 72 00 00 00\nRef.: REL-2026-0042\n--\nRecouvra SAS, 8 place Bellecour, 69002 Lyon. We are a company carrying out the amicable collection of debts on behalf of third parties (recouvrement amiable).\n\nCreditor: Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon.\n\nBasis and amount of the debt:\n- invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00\n- invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50\nPrincipal: €3,250.50\nInterest and late-payment penalties: €56.44\nFixed recovery indemnity (French Commercial Code, art. D. 441-5): €80.00\nTotal due: €3,386.94\nNo amicable collection costs are charged to you.\n\nWe ask you to pay €3,386.94 no later than 9 December 2026, by one of the following means:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nReproduced in French, as article R. 124-4 of the French Code of Civil Enforcement Procedures requires:\n\nArticle L. 111-8 du code des procédures civiles d\'exécution, alinéas 2 et 3 :\n\nLes frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s\'ils concernent un acte dont l\'accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire.\n\nCependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l\'exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi.\n\nIn English: collection costs incurred without an enforceable title are borne by the creditor unless they concern an act the law requires of the creditor, and any contrary clause is void; a creditor who shows that the steps taken were necessary may ask the enforcement judge to charge all or part of those costs to a debtor acting in bad faith.\n\nReference and date of this letter, to be quoted in any correspondence: REL-2026-0042 of 29 November 2026."
  html: nil
=== call.first call courteous
error missing_mandatory_mentions: en/call.first/default.mustache: the agency's call lacks mandatory mentions: an agency may call only after its first letter: set agency.firstLetter so the call repeats its reference and date
=== letter.recap letter courteous
letter RenderedLetter
  title: "Reminder – actions taken so far"
  sender: [4]
    - "Recouvra SAS"
    - "8 place Bellecour"
    - "69002 Lyon"
    - "On behalf of our client: Atelier Durand & Fils SARL"
  recipient: [4]
    - "Boulangerie Martin"
    - "For the attention of Paul Martin"
    - "3 avenue Jean Jaurès"
    - "75019 Paris"
  mailing: nil
  date: "29 November 2026"
  reference: [1]
    - "Ref.: REL-2026-0042"
  subject: "Subject: unpaid invoices F-2026-101 and F-2026-117 – €3,386.94"
  salutation: "Dear Sir or Madam,"
  body: [6]
    - "Unless we are mistaken, the invoices listed below remain unpaid to date, with €3,250.50 outstanding."
    - "We have already contacted you about this:\n- on 2 October 2026, by email: Friendly reminder\n- on 20 October 2026, by phone call: Call, no answer"
    - "Under article L. 441-10 of the French Commercial Code, late payment makes late-payment penalties due (€56.44 to date, at the annual rate of 12.15%) together with the fixed recovery indemnity of €80.00, making €3,386.94 in total."
    - "We ask you to pay €3,386.94 no later than 9 December 2026, by one of the following means:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils"
    - "Without payment by that date, the next step will be a registered letter with acknowledgement of receipt, from 14 December 2026."
    - "If you have paid in the meantime, please disregard this letter. If you dispute all or part of this sum, or are facing a difficulty, please let us know promptly."
  table: RenderedTable
    header: [6]
      - "Invoice"
      - "Date"
      - "Due"
      - "Amount"
      - "Outstanding"
      - "Overdue"
    rows: [2]
      - [6]
        - "F-2026-101"
        - "1 September 2026"
        - "1 October 2026"
        - "€3,000.00"
        - "€3,000.00"
        - "59 days"
      - [6]
        - "F-2026-117"
        - "15 September 2026"
        - "15 October 2026"
        - "€1,250.50"
        - "€250.50"
        - "45 days"
  totals: RenderedTable
    header: [2]
      - "Summary"
      - "Amount"
    rows: [4]
      - [2]
        - "Principal outstanding"
        - "€3,250.50"
      - [2]
        - "Late-payment penalties"
        - "€56.44"
      - [2]
        - "Fixed recovery indemnity"
        - "€80.00"
      - [2]
        - "Total due"
        - "€3,386.94"
  closing: [1]
    - "Yours faithfully,"
  signature: [2]
    - "Recouvra SAS"
    - "Tel.: 04 72 00 00 00"
  mentions: [10]
    - "Recouvra SAS, 8 place Bellecour, 69002 Lyon. We are a company carrying out the amicable collection of debts on behalf of third parties (recouvrement amiable)."
    - "Creditor: Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon."
    - "Basis and amount of the debt:\n- invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00\n- invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50\nPrincipal: €3,250.50\nInterest and late-payment penalties: €56.44\nFixed recovery indemnity (French Commercial Code, art. D. 441-5): €80.00\nTotal due: €3,386.94\nNo amicable collection costs are charged to you."
    - "We ask you to pay €3,386.94 no later than 9 December 2026, by one of the following means:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils"
    - "Reproduced in French, as article R. 124-4 of the French Code of Civil Enforcement Procedures requires:"
    - "Article L. 111-8 du code des procédures civiles d\'exécution, alinéas 2 et 3 :"
    - "Les frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s\'ils concernent un acte dont l\'accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire."
    - "Cependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l\'exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi."
    - "In English: collection costs incurred without an enforceable title are borne by the creditor unless they concern an act the law requires of the creditor, and any contrary clause is void; a creditor who shows that the steps taken were necessary may ask the enforcement judge to charge all or part of those costs to a debtor acting in bad faith."
    - "Reference and date of this letter, to be quoted in any correspondence: REL-2026-0042 of 29 November 2026."
=== notice.formal registered_letter courteous
letter RenderedLetter
  title: "FORMAL NOTICE TO PAY (MISE EN DEMEURE)"
  sender: [4]
    - "Recouvra SAS"
    - "8 place Bellecour"
    - "69002 Lyon"
    - "On behalf of our client: Atelier Durand & Fils SARL"
  recipient: [4]
    - "Boulangerie Martin"
    - "For the attention of Paul Martin"
    - "3 avenue Jean Jaurès"
    - "75019 Paris"
  mailing: "Registered letter with acknowledgement of receipt"
  date: "29 November 2026"
  reference: [1]
    - "Ref.: REL-2026-0042"
  subject: "Subject: formal notice to pay – invoices F-2026-101 and F-2026-117"
  salutation: "Dear Sir or Madam,"
  body: [7]
    - "Despite our previous reminders, the invoices listed below remain unpaid to Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon."
    - "Actions taken so far:\n- on 2 October 2026, by email: Friendly reminder\n- on 20 October 2026, by phone call: Call, no answer"
    - "We hereby give you formal notice to pay €3,386.94, made up as follows: principal €3,250.50; late-payment penalties €56.44, at the annual rate of 12.15% (ECB rate plus 10 points); fixed recovery indemnity €80.00 (French Commercial Code, arts. L. 441-10 and D. 441-5)."
    - "Payment must reach us within eight days of receipt of this letter, that is no later than 9 December 2026, by one of the following means:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils"
    - "Late-payment penalties continue to run until payment in full (article L. 441-10 of the French Commercial Code)."
    - "Failing payment within that time, Atelier Durand & Fils SARL may start court proceedings to recover the debt without further notice, in particular an application for a payment order (injonction de payer) from 14 December 2026."
    - "This letter is a formal notice to pay (mise en demeure) within the meaning of article 1344 of the French Civil Code."
  table: RenderedTable
    header: [6]
      - "Invoice"
      - "Date"
      - "Due"
      - "Amount"
      - "Outstanding"
      - "Overdue"
    rows: [2]
      - [6]
        - "F-2026-101"
        - "1 September 2026"
        - "1 October 2026"
        - "€3,000.00"
        - "€3,000.00"
        - "59 days"
      - [6]
        - "F-2026-117"
        - "15 September 2026"
        - "15 October 2026"
        - "€1,250.50"
        - "€250.50"
        - "45 days"
  totals: RenderedTable
    header: [2]
      - "Statement"
      - "Amount"
    rows: [4]
      - [2]
        - "Principal outstanding"
        - "€3,250.50"
      - [2]
        - "Late-payment penalties"
        - "€56.44"
      - [2]
        - "Fixed recovery indemnity"
        - "€80.00"
      - [2]
        - "Total due"
        - "€3,386.94"
  closing: [1]
    - "Yours faithfully,"
  signature: [1]
    - "Recouvra SAS"
  mentions: [10]
    - "Recouvra SAS, 8 place Bellecour, 69002 Lyon. We are a company carrying out the amicable collection of debts on behalf of third parties (recouvrement amiable)."
    - "Creditor: Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon."
    - "Basis and amount of the debt:\n- invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00\n- invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50\nPrincipal: €3,250.50\nInterest and late-payment penalties: €56.44\nFixed recovery indemnity (French Commercial Code, art. D. 441-5): €80.00\nTotal due: €3,386.94\nNo amicable collection costs are charged to you."
    - "We ask you to pay €3,386.94 no later than 9 December 2026, by one of the following means:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils"
    - "Reproduced in French, as article R. 124-4 of the French Code of Civil Enforcement Procedures requires:"
    - "Article L. 111-8 du code des procédures civiles d\'exécution, alinéas 2 et 3 :"
    - "Les frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s\'ils concernent un acte dont l\'accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire."
    - "Cependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l\'exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi."
    - "In English: collection costs incurred without an enforceable title are borne by the creditor unless they concern an act the law requires of the creditor, and any contrary clause is void; a creditor who shows that the steps taken were necessary may ask the enforcement judge to charge all or part of those costs to a debtor acting in bad faith."
    - "Reference and date of this letter, to be quoted in any correspondence: REL-2026-0042 of 29 November 2026."
=== legal.payment_order legal courteous
legal RenderedDossierCover
  title: "Application for a payment order (injonction de payer) – file REL-2026-0042 – Boulangerie Martin"
  summary: [4]
    - "Claim of €3,386.94 owed by Boulangerie Martin to Atelier Durand & Fils SARL for unpaid invoices F-2026-101 and F-2026-117."
    - "Basis: contractual debt of a fixed amount (article 1405 of the French Code of Civil Procedure), under the invoices listed below; late-payment penalties and fixed indemnity under article L. 441-10 of the French Commercial Code."
    - "Court: president of the commercial court (or economic activities court) where the debtor has its registered office (article 1406 of the French Code of Civil Procedure)."
    - "The formal notice went unanswered; the time it gave to pay expired on 9 December 2026."
  parties: RenderedTable
    header: [3]
      - "Role"
      - "Name"
      - "Address"
    rows: [3]
      - [3]
        - "Creditor"
        - "Atelier Durand & Fils SARL"
        - "12 rue des Lilas, 69003 Lyon"
      - [3]
        - "Debtor"
        - "Boulangerie Martin"
        - "3 avenue Jean Jaurès, 75019 Paris"
      - [3]
        - "Agent (amicable collection)"
        - "Recouvra SAS"
        - "8 place Bellecour, 69002 Lyon"
  table: RenderedTable
    header: [6]
      - "Invoice"
      - "Date"
      - "Due"
      - "Amount"
      - "Outstanding"
      - "Overdue"
    rows: [2]
      - [6]
        - "F-2026-101"
        - "1 September 2026"
        - "1 October 2026"
        - "€3,000.00"
        - "€3,000.00"
        - "59 days"
      - [6]
        - "F-2026-117"
        - "15 September 2026"
        - "15 October 2026"
        - "€1,250.50"
        - "€250.50"
        - "45 days"
  totals: RenderedTable
    header: [2]
      - "Statement"
      - "Amount"
    rows: [4]
      - [2]
        - "Principal"
        - "€3,250.50"
      - [2]
        - "Late-payment penalties (annual rate 12.15%)"
        - "€56.44"
      - [2]
        - "Fixed recovery indemnity"
        - "€80.00"
      - [2]
        - "Total claimed"
        - "€3,386.94"
  history: RenderedTable
    header: [3]
      - "Date"
      - "Channel"
      - "Action"
    rows: [2]
      - [3]
        - "2 October 2026"
        - "email"
        - "Friendly reminder"
      - [3]
        - "20 October 2026"
        - "phone call"
        - "Call, no answer"
  documents: [6]
    - "Supporting documents:"
    - "1. Invoices F-2026-101 and F-2026-117"
    - "2. General terms of sale or contract"
    - "3. Purchase order or signed quote, proof of delivery or performance"
    - "4. Formal notice and acknowledgement of receipt"
    - "5. Statement of the debtor\'s account"
"""#,
"en agency later": #"""
=== reminder.courteous email courteous
email RenderedEmail
  subject: "Friendly reminder: invoices F-2026-101 and F-2026-117 – €3,250.50"
  text: "Hello Paul Martin,\n\nUnless we are mistaken, we have not yet received payment for the following invoices. It is most likely a simple oversight:\n\n- Invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00 outstanding (59 days overdue)\n- Invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50 outstanding (45 days overdue)\n\nTotal: €3,250.50, to be paid by 9 December 2026.\n\nYou can pay by:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nIf your payment is already on its way, please disregard this message. We are of course happy to answer any question.\n\nKind regards,\n\nRecouvra SAS\nOn behalf of our client: Atelier Durand & Fils SARL\nTel.: 04 72 00 00 00\nRef.: REL-2026-0042\nFile handled by Recouvra SAS on behalf of our client, Atelier Durand & Fils SARL – further to our first letter ref. RCV-7781 of 2 November 2026."
  html: "<p>Hello Paul Martin,</p>\n<p>Unless we are mistaken, we have not yet received payment for the following invoices. It is most likely a simple oversight:</p>\n<table>\n<tr><th>Invoice</th><th>Date</th><th>Due</th><th>Outstanding</th></tr>\n<tr><td>F-2026-101</td><td>1 September 2026</td><td>1 October 2026</td><td>€3,000.00</td></tr>\n<tr><td>F-2026-117</td><td>15 September 2026</td><td>15 October 2026</td><td>€250.50</td></tr>\n</table>\n<p>Total: <strong>€3,250.50</strong>, to be paid by 9 December 2026.</p>\n<ul>\n<li>Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP</li>\n<li>Cheque: payable to Atelier Durand &amp; Fils</li>\n</ul>\n<p>If your payment is already on its way, please disregard this message.</p>\n<p>Kind regards,<br>Recouvra SAS</p>"
=== reminder.courteous email neutral
email RenderedEmail
  subject: "Payment reminder: invoices F-2026-101 and F-2026-117 – €3,250.50"
  text: "Hello Paul Martin,\n\nThis is a reminder that the following invoices are now due:\n\n- Invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00 outstanding (59 days overdue)\n- Invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50 outstanding (45 days overdue)\n\nTotal: €3,250.50, to be paid by 9 December 2026, by:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nIf you have already paid, please disregard this message.\n\nRegards,\n\nRecouvra SAS\nOn behalf of our client: Atelier Durand & Fils SARL\nTel.: 04 72 00 00 00\nRef.: REL-2026-0042\nFile handled by Recouvra SAS on behalf of our client, Atelier Durand & Fils SARL – further to our first letter ref. RCV-7781 of 2 November 2026."
  html: nil
=== reminder.courteous email firm
email RenderedEmail
  subject: "Payment due: invoices F-2026-101 and F-2026-117 – €3,250.50"
  text: "Hello Paul Martin,\n\nThe following invoices are overdue and remain unpaid:\n\n- Invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00 outstanding (59 days overdue)\n- Invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50 outstanding (45 days overdue)\n\nThe amount of €3,250.50 must be paid by 9 December 2026, by:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nRegards,\n\nRecouvra SAS\nOn behalf of our client: Atelier Durand & Fils SARL\nTel.: 04 72 00 00 00\nRef.: REL-2026-0042\nFile handled by Recouvra SAS on behalf of our client, Atelier Durand & Fils SARL – further to our first letter ref. RCV-7781 of 2 November 2026."
  html: nil
=== reminder.neutral email courteous
email RenderedEmail
  subject: "Invoices F-2026-101 and F-2026-117 awaiting payment – €3,250.50"
  text: "Hello Paul Martin,\n\nUnless we are mistaken, we have not yet received payment for the following invoices. These things happen:\n\n- Invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00 outstanding (59 days overdue)\n- Invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50 outstanding (45 days overdue)\n\nCould you arrange payment of €3,250.50 by 9 December 2026? You can pay by:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nIf something prevents you from paying, or if you spot an error on these invoices, simply reply to this message and we will find a solution together.\n\nKind regards,\n\nRecouvra SAS\nOn behalf of our client: Atelier Durand & Fils SARL\nTel.: 04 72 00 00 00\nRef.: REL-2026-0042\nFile handled by Recouvra SAS on behalf of our client, Atelier Durand & Fils SARL – further to our first letter ref. RCV-7781 of 2 November 2026."
  html: nil
=== reminder.neutral email neutral
email RenderedEmail
  subject: "Reminder: unpaid invoices F-2026-101 and F-2026-117 – €3,250.50"
  text: "Hello Paul Martin,\n\nUnless we are mistaken, the following invoices remain unpaid to date:\n\n- Invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00 outstanding (59 days overdue)\n- Invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50 outstanding (45 days overdue)\n\nPlease pay €3,250.50 by 9 December 2026, by:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nLate-payment interest of €12.30 is added to this sum, making €3,262.80 in total.\n\nIf you have already paid, please let us know the payment date.\n\nRegards,\n\nRecouvra SAS\nOn behalf of our client: Atelier Durand & Fils SARL\nTel.: 04 72 00 00 00\nRef.: REL-2026-0042\nFile handled by Recouvra SAS on behalf of our client, Atelier Durand & Fils SARL – further to our first letter ref. RCV-7781 of 2 November 2026."
  html: nil
=== reminder.neutral email firm
email RenderedEmail
  subject: "Overdue: invoices F-2026-101 and F-2026-117 – payment expected by 9 December 2026"
  text: "Hello Paul Martin,\n\nAlthough due, the following invoices remain unpaid:\n\n- Invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00 outstanding (59 days overdue)\n- Invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50 outstanding (45 days overdue)\n\nWe ask you to pay €3,250.50 no later than 9 December 2026, by:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nLate-payment interest of €12.30 is added to this sum, making €3,262.80 in total.\n\nWithout payment by that date, the next step will be a registered letter with acknowledgement of receipt, from 14 December 2026.\n\nRegards,\n\nRecouvra SAS\nOn behalf of our client: Atelier Durand & Fils SARL\nTel.: 04 72 00 00 00\nRef.: REL-2026-0042\nFile handled by Recouvra SAS on behalf of our client, Atelier Durand & Fils SARL – further to our first letter ref. RCV-7781 of 2 November 2026."
  html: nil
=== reminder.firm email courteous
email RenderedEmail
  subject: "Further reminder: invoices F-2026-101 and F-2026-117 – €3,262.80"
  text: "Hello Paul Martin,\n\nWe are writing again because, despite our previous reminder, the following invoices remain unpaid:\n\n- Invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00 outstanding (59 days overdue)\n- Invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50 outstanding (45 days overdue)\n\nLate-payment interest of €12.30 is added to this sum, making €3,262.80 in total.\n\nWe would be grateful if you could pay €3,262.80 by 9 December 2026, by:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nIf you are facing a temporary difficulty, please contact us before that date: a payment schedule can be considered.\n\nKind regards,\n\nRecouvra SAS\nOn behalf of our client: Atelier Durand & Fils SARL\nTel.: 04 72 00 00 00\nRef.: REL-2026-0042\nFile handled by Recouvra SAS on behalf of our client, Atelier Durand & Fils SARL – further to our first letter ref. RCV-7781 of 2 November 2026."
  html: nil
=== reminder.firm email neutral
email RenderedEmail
  subject: "Second reminder: invoices F-2026-101 and F-2026-117 – €3,262.80"
  text: "Hello Paul Martin,\n\nDespite our previous reminders, the following invoices remain unpaid:\n\n- Invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00 outstanding (59 days overdue)\n- Invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50 outstanding (45 days overdue)\n\nLate-payment interest of €12.30 is added to this sum, making €3,262.80 in total.\n\nWe ask you to pay €3,262.80 no later than 9 December 2026, by:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nOtherwise, the next step will be a registered letter with acknowledgement of receipt, from 14 December 2026.\n\nRegards,\n\nRecouvra SAS\nOn behalf of our client: Atelier Durand & Fils SARL\nTel.: 04 72 00 00 00\nRef.: REL-2026-0042\nFile handled by Recouvra SAS on behalf of our client, Atelier Durand & Fils SARL – further to our first letter ref. RCV-7781 of 2 November 2026."
  html: nil
=== reminder.firm email firm
email RenderedEmail
  subject: "Final reminder before formal notice: invoices F-2026-101 and F-2026-117 – €3,262.80"
  text: "Hello Paul Martin,\n\nOur reminders have gone unanswered: the following invoices are still unpaid:\n\n- Invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00 outstanding (59 days overdue)\n- Invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50 outstanding (45 days overdue)\n\nLate-payment interest of €12.30 is added to this sum, making €3,262.80 in total.\n\nWe require payment of €3,262.80 no later than 9 December 2026, by:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils\n\nWithout payment by that date, we will send you a formal notice to pay from 14 December 2026, before taking legal action.\n\nRecouvra SAS\nOn behalf of our client: Atelier Durand & Fils SARL\nTel.: 04 72 00 00 00\nRef.: REL-2026-0042\nFile handled by Recouvra SAS on behalf of our client, Atelier Durand & Fils SARL – further to our first letter ref. RCV-7781 of 2 November 2026."
  html: nil
=== call.first call courteous
call RenderedCallBriefing
  title: "Reminder call – Boulangerie Martin – €3,262.80"
  summary: [11]
    - "Debtor: Boulangerie Martin (consumer)"
    - "Contact: Paul Martin"
    - "Phone: 01 40 00 00 00"
    - "Creditor: Atelier Durand & Fils SARL"
    - "Invoices: 2 (F-2026-101 and F-2026-117)"
    - "Principal outstanding: €3,250.50"
    - "Penalties and indemnities: €12.30"
    - "Total due: €3,262.80"
    - "Payment date to obtain: no later than 9 December 2026"
    - "Reference to quote to the debtor: first letter ref. RCV-7781 of 2 November 2026"
    - "File reference: REL-2026-0042"
  script: [6]
    - "Hello, this is Recouvra SAS, calling on behalf of our client, Atelier Durand & Fils SARL. May I speak to Paul Martin?"
    - "I am calling about invoices F-2026-101 and F-2026-117, the subject of our letter ref. RCV-7781 of 2 November 2026, with €3,250.50 outstanding. Unless we are mistaken, we have not received payment. Did you receive these invoices?"
    - "Listen before proposing anything: is there a problem with the work, a dispute, or a cash-flow difficulty? A customer who usually pays on time deserves a careful hearing."
    - "Obtain a precise payment date, no later than 9 December 2026, and the payment method:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils"
    - "If there is a real difficulty, propose a payment schedule and record it; if there is a dispute, note the exact reason and pause the reminders."
    - "Close by summarising the commitment made (amount, date, method) and thank the person."
  table: RenderedTable
    header: [6]
      - "Invoice"
      - "Date"
      - "Due"
      - "Amount"
      - "Outstanding"
      - "Overdue"
    rows: [2]
      - [6]
        - "F-2026-101"
        - "1 September 2026"
        - "1 October 2026"
        - "€3,000.00"
        - "€3,000.00"
        - "59 days"
      - [6]
        - "F-2026-117"
        - "15 September 2026"
        - "15 October 2026"
        - "€1,250.50"
        - "€250.50"
        - "45 days"
  history: RenderedTable
    header: [3]
      - "Date"
      - "Channel"
      - "Action"
    rows: [2]
      - [3]
        - "2 October 2026"
        - "email"
        - "Friendly reminder"
      - [3]
        - "20 October 2026"
        - "phone call"
        - "Call, no answer"
  outcomes: [6]
    - "Record after the call:"
    - "- promise to pay: amount, date, method"
    - "- payment schedule proposed: amounts and dates"
    - "- dispute: exact reason (pauses the reminders)"
    - "- payment said to be made: date and method, to be checked"
    - "- unreachable or wrong number"
=== letter.recap letter courteous
letter RenderedLetter
  title: "Reminder – actions taken so far"
  sender: [4]
    - "Recouvra SAS"
    - "8 place Bellecour"
    - "69002 Lyon"
    - "On behalf of our client: Atelier Durand & Fils SARL"
  recipient: [4]
    - "Boulangerie Martin"
    - "For the attention of Paul Martin"
    - "3 avenue Jean Jaurès"
    - "75019 Paris"
  mailing: nil
  date: "29 November 2026"
  reference: [2]
    - "Ref.: REL-2026-0042"
    - "Further to our first letter: ref. RCV-7781 of 2 November 2026"
  subject: "Subject: unpaid invoices F-2026-101 and F-2026-117 – €3,262.80"
  salutation: "Dear Sir or Madam,"
  body: [6]
    - "Unless we are mistaken, the invoices listed below remain unpaid to date, with €3,250.50 outstanding."
    - "We have already contacted you about this:\n- on 2 October 2026, by email: Friendly reminder\n- on 20 October 2026, by phone call: Call, no answer"
    - "Late-payment interest of €12.30 is added to this sum, making €3,262.80 in total."
    - "We ask you to pay €3,262.80 no later than 9 December 2026, by one of the following means:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils"
    - "Without payment by that date, the next step will be a registered letter with acknowledgement of receipt, from 14 December 2026."
    - "If you have paid in the meantime, please disregard this letter. If you dispute all or part of this sum, or are facing a difficulty, please let us know promptly."
  table: RenderedTable
    header: [6]
      - "Invoice"
      - "Date"
      - "Due"
      - "Amount"
      - "Outstanding"
      - "Overdue"
    rows: [2]
      - [6]
        - "F-2026-101"
        - "1 September 2026"
        - "1 October 2026"
        - "€3,000.00"
        - "€3,000.00"
        - "59 days"
      - [6]
        - "F-2026-117"
        - "15 September 2026"
        - "15 October 2026"
        - "€1,250.50"
        - "€250.50"
        - "45 days"
  totals: RenderedTable
    header: [2]
      - "Summary"
      - "Amount"
    rows: [3]
      - [2]
        - "Principal outstanding"
        - "€3,250.50"
      - [2]
        - "Late-payment penalties"
        - "€12.30"
      - [2]
        - "Total due"
        - "€3,262.80"
  closing: [1]
    - "Yours faithfully,"
  signature: [2]
    - "Recouvra SAS"
    - "Tel.: 04 72 00 00 00"
  mentions: [10]
    - "Recouvra SAS, 8 place Bellecour, 69002 Lyon. We are a company carrying out the amicable collection of debts on behalf of third parties (recouvrement amiable)."
    - "Creditor: Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon."
    - "Basis and amount of the debt:\n- invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00\n- invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50\nPrincipal: €3,250.50\nInterest and late-payment penalties: €12.30\nTotal due: €3,262.80\nNo amicable collection costs are charged to you."
    - "We ask you to pay €3,262.80 no later than 9 December 2026, by one of the following means:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils"
    - "Reproduced in French, as article R. 124-4 of the French Code of Civil Enforcement Procedures requires:"
    - "Article L. 111-8 du code des procédures civiles d\'exécution, alinéas 2 et 3 :"
    - "Les frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s\'ils concernent un acte dont l\'accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire."
    - "Cependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l\'exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi."
    - "In English: collection costs incurred without an enforceable title are borne by the creditor unless they concern an act the law requires of the creditor, and any contrary clause is void; a creditor who shows that the steps taken were necessary may ask the enforcement judge to charge all or part of those costs to a debtor acting in bad faith."
    - "Reference and date of this letter, to be quoted in any correspondence: REL-2026-0042 of 29 November 2026."
=== notice.formal registered_letter courteous
letter RenderedLetter
  title: "FORMAL NOTICE TO PAY (MISE EN DEMEURE)"
  sender: [4]
    - "Recouvra SAS"
    - "8 place Bellecour"
    - "69002 Lyon"
    - "On behalf of our client: Atelier Durand & Fils SARL"
  recipient: [4]
    - "Boulangerie Martin"
    - "For the attention of Paul Martin"
    - "3 avenue Jean Jaurès"
    - "75019 Paris"
  mailing: "Registered letter with acknowledgement of receipt"
  date: "29 November 2026"
  reference: [2]
    - "Ref.: REL-2026-0042"
    - "Further to our first letter: ref. RCV-7781 of 2 November 2026"
  subject: "Subject: formal notice to pay – invoices F-2026-101 and F-2026-117"
  salutation: "Dear Sir or Madam,"
  body: [7]
    - "Despite our previous reminders, the invoices listed below remain unpaid to Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon."
    - "Actions taken so far:\n- on 2 October 2026, by email: Friendly reminder\n- on 20 October 2026, by phone call: Call, no answer"
    - "We hereby give you formal notice to pay €3,262.80, made up as follows: principal €3,250.50; late-payment interest €12.30, at the annual rate of 6.62%."
    - "Payment must reach us within eight days of receipt of this letter, that is no later than 9 December 2026, by one of the following means:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils"
    - "This formal notice makes interest at the statutory rate run on the sums due (articles 1231-6 and 1344-1 of the French Civil Code)."
    - "Failing payment within that time, Atelier Durand & Fils SARL may start court proceedings to recover the debt without further notice, in particular an application for a payment order (injonction de payer) from 14 December 2026."
    - "This letter is a formal notice to pay (mise en demeure) within the meaning of article 1344 of the French Civil Code."
  table: RenderedTable
    header: [6]
      - "Invoice"
      - "Date"
      - "Due"
      - "Amount"
      - "Outstanding"
      - "Overdue"
    rows: [2]
      - [6]
        - "F-2026-101"
        - "1 September 2026"
        - "1 October 2026"
        - "€3,000.00"
        - "€3,000.00"
        - "59 days"
      - [6]
        - "F-2026-117"
        - "15 September 2026"
        - "15 October 2026"
        - "€1,250.50"
        - "€250.50"
        - "45 days"
  totals: RenderedTable
    header: [2]
      - "Statement"
      - "Amount"
    rows: [3]
      - [2]
        - "Principal outstanding"
        - "€3,250.50"
      - [2]
        - "Late-payment interest"
        - "€12.30"
      - [2]
        - "Total due"
        - "€3,262.80"
  closing: [1]
    - "Yours faithfully,"
  signature: [1]
    - "Recouvra SAS"
  mentions: [10]
    - "Recouvra SAS, 8 place Bellecour, 69002 Lyon. We are a company carrying out the amicable collection of debts on behalf of third parties (recouvrement amiable)."
    - "Creditor: Atelier Durand & Fils SARL, 12 rue des Lilas, 69003 Lyon."
    - "Basis and amount of the debt:\n- invoice F-2026-101 of 1 September 2026, due 1 October 2026: €3,000.00\n- invoice F-2026-117 of 15 September 2026, due 15 October 2026: €250.50\nPrincipal: €3,250.50\nInterest and late-payment penalties: €12.30\nTotal due: €3,262.80\nNo amicable collection costs are charged to you."
    - "We ask you to pay €3,262.80 no later than 9 December 2026, by one of the following means:\n- Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP\n- Cheque: payable to Atelier Durand & Fils"
    - "Reproduced in French, as article R. 124-4 of the French Code of Civil Enforcement Procedures requires:"
    - "Article L. 111-8 du code des procédures civiles d\'exécution, alinéas 2 et 3 :"
    - "Les frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s\'ils concernent un acte dont l\'accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire."
    - "Cependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l\'exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi."
    - "In English: collection costs incurred without an enforceable title are borne by the creditor unless they concern an act the law requires of the creditor, and any contrary clause is void; a creditor who shows that the steps taken were necessary may ask the enforcement judge to charge all or part of those costs to a debtor acting in bad faith."
    - "Reference and date of this letter, to be quoted in any correspondence: REL-2026-0042 of 29 November 2026."
=== legal.payment_order legal courteous
legal RenderedDossierCover
  title: "Application for a payment order (injonction de payer) – file REL-2026-0042 – Boulangerie Martin"
  summary: [4]
    - "Claim of €3,262.80 owed by Boulangerie Martin to Atelier Durand & Fils SARL for unpaid invoices F-2026-101 and F-2026-117."
    - "Basis: contractual debt of a fixed amount (article 1405 of the French Code of Civil Procedure), under the invoices listed below; interest at the statutory rate from the formal notice (article 1231-6 of the French Civil Code)."
    - "Court: judicial court where the debtor lives (article 1406 of the French Code of Civil Procedure)."
    - "The formal notice went unanswered; the time it gave to pay expired on 9 December 2026."
  parties: RenderedTable
    header: [3]
      - "Role"
      - "Name"
      - "Address"
    rows: [3]
      - [3]
        - "Creditor"
        - "Atelier Durand & Fils SARL"
        - "12 rue des Lilas, 69003 Lyon"
      - [3]
        - "Debtor"
        - "Boulangerie Martin"
        - "3 avenue Jean Jaurès, 75019 Paris"
      - [3]
        - "Agent (amicable collection)"
        - "Recouvra SAS"
        - "8 place Bellecour, 69002 Lyon"
  table: RenderedTable
    header: [6]
      - "Invoice"
      - "Date"
      - "Due"
      - "Amount"
      - "Outstanding"
      - "Overdue"
    rows: [2]
      - [6]
        - "F-2026-101"
        - "1 September 2026"
        - "1 October 2026"
        - "€3,000.00"
        - "€3,000.00"
        - "59 days"
      - [6]
        - "F-2026-117"
        - "15 September 2026"
        - "15 October 2026"
        - "€1,250.50"
        - "€250.50"
        - "45 days"
  totals: RenderedTable
    header: [2]
      - "Statement"
      - "Amount"
    rows: [3]
      - [2]
        - "Principal"
        - "€3,250.50"
      - [2]
        - "Interest (annual rate 6.62%)"
        - "€12.30"
      - [2]
        - "Total claimed"
        - "€3,262.80"
  history: RenderedTable
    header: [3]
      - "Date"
      - "Channel"
      - "Action"
    rows: [2]
      - [3]
        - "2 October 2026"
        - "email"
        - "Friendly reminder"
      - [3]
        - "20 October 2026"
        - "phone call"
        - "Call, no answer"
  documents: [6]
    - "Supporting documents:"
    - "1. Invoices F-2026-101 and F-2026-117"
    - "2. General terms of sale or contract"
    - "3. Purchase order or signed quote, proof of delivery or performance"
    - "4. Formal notice and acknowledgement of receipt"
    - "5. Statement of the debtor\'s account"
"""#,
    ]
}
